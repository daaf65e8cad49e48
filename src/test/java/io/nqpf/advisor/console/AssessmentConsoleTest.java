package io.nqpf.advisor.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nqpf.advisor.support.Examples;
import io.nqpf.advisor.support.StoreProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A planner in the console (headless Chromium): signs in, evaluates a profile and saves it as an assessment, reloads
 * the page by the assessment's link and finds the same report, saves the next year, and reads the region's problem
 * list, whose states are checked against the API's own answer.
 */
@QuarkusTest
@TestProfile(StoreProfile.class)
class AssessmentConsoleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINK = Pattern.compile("#/assessments/([0-9a-f-]{36})$");
    private static Browser browser;

    @TestHTTPResource("/")
    URL root;

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void openConsole() {
        if (browser == null) {
            browser = Browser.start("en");
        }
        browser.open(root.toString());
    }

    @Test
    void aPlannerSavesAnAssessmentReopensItByItsLinkAndReadsTheProblemListOfTwoYears() throws Exception {
        String regionId = "console-" + UUID.randomUUID().toString().substring(0, 8);
        signIn();

        String first = evaluateAndSave(profile(regionId, 2022, true), "2022 check-up");
        String url = browser.driver.getCurrentUrl();
        assertTrue(url.endsWith("#/assessments/" + first), url);
        List<String> shown = bottlenecksShown();
        JsonNode saved = JSON.readTree(planner().get("/api/v1/assessments/" + first).asString());
        assertEquals(ids(saved.get("report").get("bottlenecks")), shown);

        // a reload (or a colleague with the link) opens the same saved assessment
        browser.driver.navigate().refresh();
        browser.wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        browser.wait.until(d -> !d.findElements(By.cssSelector(".assessment-banner[data-id='" + first + "']")).isEmpty());
        assertEquals("2022 check-up", browser.driver.findElement(By.cssSelector(".assessment-banner .a-title")).getText());
        assertEquals(shown, bottlenecksShown());
        assertEquals(saved.get("report").get("decisionId").asText(),
                browser.driver.findElement(By.cssSelector("#report .m-decision")).getText());

        // the next year: the city data platform was built
        String second = evaluateAndSave(profile(regionId, 2023, false), "2023 check-up");
        assertTrue(!second.equals(first));

        browser.driver.findElement(By.cssSelector("nav a[data-view='assessments']")).click();
        WebElement region = browser.byId("problems-region");
        region.clear();
        region.sendKeys(regionId);
        browser.byId("show-problems").click();
        browser.wait.until(d -> !d.findElements(By.cssSelector("table.problems tbody tr")).isEmpty());
        JsonNode api = JSON.readTree(planner().get("/api/v1/regions/" + regionId + "/problems").asString());
        assertEquals(List.of(2022, 2023), List.of(api.get("years").get(0).asInt(), api.get("years").get(1).asInt()));
        for (JsonNode p : api.get("problems")) {
            WebElement row = browser.driver.findElement(By.cssSelector("table.problems tr[data-id='" + p.get("id").asText() + "']"));
            assertEquals(p.get("state").asText(), row.findElement(By.cssSelector(".state")).getAttribute("class")
                    .replace("state state-", ""));
        }
        assertEquals("RESOLVED", api.get("problems").findValues("id").stream().map(JsonNode::asText).toList()
                .contains("B-DATA-SILOS") ? state(api, "B-DATA-SILOS") : "missing");
        assertEquals("Resolved", browser.driver.findElement(By.cssSelector("table.problems tr[data-id='B-DATA-SILOS'] .state"))
                .getText());
        assertTrue(((Number) browser.script("return document.querySelectorAll('#problems canvas').length")).intValue() > 0,
                "the timeline chart is drawn");
        // "download as Excel": the same list as a workbook, one row per problem with its severity each year
        java.nio.file.Path downloads = browser.downloadsToTempDir();
        browser.byId("download-problems-xlsx").click();
        browser.wait.until(d -> Browser.downloaded(downloads, ".xlsx").isPresent());
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                java.nio.file.Files.newInputStream(Browser.downloaded(downloads, ".xlsx").orElseThrow()))) {
            org.apache.poi.ss.usermodel.Sheet sheet = wb.getSheet("Problem list");
            assertEquals(api.get("problems").size(), sheet.getLastRowNum());
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                String id = sheet.getRow(r).getCell(2).getStringCellValue();
                JsonNode p = null;
                for (JsonNode candidate : api.get("problems")) {
                    p = candidate.get("id").asText().equals(id) ? candidate : p;
                }
                assertTrue(p != null, id);
                JsonNode latest = p.at("/severityByYear/2023");
                org.apache.poi.ss.usermodel.Cell cell = sheet.getRow(r).getCell(8);
                if (latest.isMissingNode()) {
                    assertTrue(cell == null, id);
                } else {
                    assertEquals(latest.asDouble(), cell.getNumericCellValue(), 1e-9, id);
                }
            }
        }
        // the list of saved assessments opens each by its link
        browser.byId("list-region").sendKeys(regionId);
        browser.byId("list-assessments").click();
        browser.wait.until(d -> d.findElements(By.cssSelector("table.assessments a.open-assessment")).size() == 2);
        assertEquals(List.of(), browser.errors());
    }

    private static String state(JsonNode api, String id) {
        for (JsonNode p : api.get("problems")) {
            if (p.get("id").asText().equals(id)) {
                return p.get("state").asText();
            }
        }
        return null;
    }

    private static io.restassured.specification.RequestSpecification planner() {
        return given().auth().preemptive().basic("planner", StoreProfile.PLANNER_PASSWORD).queryParam("lang", "en");
    }

    private void signIn() {
        browser.driver.findElement(By.cssSelector("nav a[data-view='assessments']")).click();
        WebElement user = browser.byId("signin-user");
        user.clear();
        user.sendKeys("planner");
        browser.byId("signin-password").sendKeys(StoreProfile.PLANNER_PASSWORD);
        browser.byId("signin").click();
        browser.wait.until(d -> d.findElement(By.id("signed-in-as")).getText().contains("planner"));
    }

    private static String profile(String regionId, int year, boolean silos) throws Exception {
        ObjectNode p = (ObjectNode) JSON.readTree(Examples.read("mid-size-inland-city.json"));
        p.put("regionId", regionId);
        p.put("year", year);
        p.with("digital").put("cityDataPlatform", !silos);
        return p.toString();
    }

    /** Loads the profile as pasted JSON, evaluates it, saves the report; answers the id of the assessment. */
    private String evaluateAndSave(String profile, String title) {
        browser.driver.findElement(By.cssSelector("nav a[data-view='start']")).click();
        browser.script("document.getElementById('paste-json').value = arguments[0]", profile);
        browser.driver.findElement(By.cssSelector("#paste-form button[type='submit']")).click();
        browser.wait.until(d -> d.findElement(By.id("view-edit")).isDisplayed());
        browser.byId("evaluate").click();
        browser.wait.until(d -> d.findElement(By.id("save-form")).isDisplayed());
        browser.byId("save-title").sendKeys(title);
        browser.byId("save-assessment").click();
        browser.wait.until(d -> LINK.matcher(d.getCurrentUrl()).find()
                && !d.findElements(By.cssSelector(".assessment-banner")).isEmpty());
        Matcher m = LINK.matcher(browser.driver.getCurrentUrl());
        assertTrue(m.find());
        String id = m.group(1);
        browser.wait.until(d -> !d.findElements(By.cssSelector(".assessment-banner[data-id='" + id + "']")).isEmpty());
        return id;
    }

    private static List<String> bottlenecksShown() {
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) browser.script(
                "return [...document.querySelectorAll('#report article.bottleneck')].map(e => e.dataset.id)");
        return ids;
    }

    private static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get("id").asText()));
        return out;
    }
}
