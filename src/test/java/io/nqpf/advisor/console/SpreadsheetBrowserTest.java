package io.nqpf.advisor.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.service.RulesetService;
import io.nqpf.advisor.spreadsheets.SheetUpload;
import io.nqpf.advisor.spreadsheets.TemplateWriter;
import io.nqpf.advisor.support.Examples;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The spreadsheet page in a real browser: a planner uploads a sheet of regions, watches it evaluated, sorts the
 * table, opens one region's full report from it, and downloads the workbook of results, which the test reads back:
 * every number on the page and in the workbook equals the API's JSON answer to the same regions.
 */
@QuarkusTest
class SpreadsheetBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Browser browser;

    @TestHTTPResource("/")
    URL root;

    @Inject
    RulesetService rulesets;

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aPlannerUploadsASheetOpensARegionAndDownloadsTheWorkbook() throws Exception {
        browser = Browser.start("zh-CN");
        browser.open(root.toString());
        List<JsonNode> profiles = new ArrayList<>();
        for (Path p : Examples.all()) {
            profiles.add(JSON.readTree(Examples.read(p.getFileName().toString())));
        }
        Path dir = Files.createDirectories(Path.of("target/console"));
        Path sheet = dir.resolve("regions-zh-CN.xlsx").toAbsolutePath();
        try (OutputStream out = Files.newOutputStream(sheet)) {
            new TemplateWriter(rulesets.active(), Language.ZH_CN, 10).xlsx(profiles.iterator(), out);
        }
        // what the API answers for the same regions
        JsonNode summary = JSON.readTree(given().contentType(SheetUpload.XLSX).queryParam("lang", "zh-CN")
                .queryParam("view", "summary").body(Files.readAllBytes(sheet)).post("/api/v1/recommendations/batch")
                .then().statusCode(200).extract().asString());
        JsonNode full = JSON.readTree(given().contentType(SheetUpload.XLSX).queryParam("lang", "zh-CN")
                .body(Files.readAllBytes(sheet)).post("/api/v1/recommendations/batch").then().statusCode(200)
                .extract().asString());
        Map<String, JsonNode> summaries = byRegion(summary);
        Map<String, JsonNode> reports = byRegion(full);

        browser.driver.findElement(By.cssSelector("nav a[data-view='sheets']")).click();
        browser.wait.until(d -> d.findElement(By.id("view-sheets")).isDisplayed());
        assertTrue(browser.byId("template-xlsx").getDomAttribute("href").contains("api/v1/spreadsheets/template?lang=zh-CN"));
        browser.byId("sheet-file").sendKeys(sheet.toString());
        browser.byId("sheet-upload").click();
        browser.wait.until(d -> "done".equals(d.findElement(By.tagName("body")).getDomAttribute("data-sheet")));
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#sheet-table tbody tr"));
        assertEquals(profiles.size(), rows.size(), "one row per region");
        for (WebElement row : rows) {
            JsonNode expected = summaries.get(row.getDomAttribute("data-id"));
            assertEquals(Math.round(expected.at("/coverage/share").asDouble() * 100),
                    Math.round(number(row.findElement(By.cssSelector(".c-coverage")).getText())));
            assertEquals(expected.get("bottlenecks").size(), (int) number(row.findElement(By.cssSelector(".c-bottlenecks")).getText()));
            if (!expected.get("bottlenecks").isEmpty()) {
                assertEquals(expected.at("/bottlenecks/0/severity").asDouble(),
                        number(row.findElement(By.cssSelector(".c-maxSeverity")).getText()), 0.0005);
            }
        }
        // sorted by the highest severity, most severe first
        browser.driver.findElement(By.cssSelector("button[data-sort='maxSeverity']")).click();
        browser.driver.findElement(By.cssSelector("button[data-sort='maxSeverity']")).click();
        browser.wait.until(d -> "descending".equals(d.findElement(By.cssSelector("th[aria-sort]:not([aria-sort='none'])"))
                .getDomAttribute("aria-sort")));
        double most = summaries.values().stream().filter(s -> !s.get("bottlenecks").isEmpty())
                .mapToDouble(s -> s.at("/bottlenecks/0/severity").asDouble()).max().orElseThrow();
        assertEquals(most, number(browser.driver.findElement(By.cssSelector("#sheet-table tbody tr .c-maxSeverity")).getText()),
                0.0005);
        write("sheets-zh-CN.png", browser.screenshot("view-sheets", "sheet-results"));

        // open a region's full report from the table
        String coal = "example.beiling-coal";
        browser.driver.findElement(By.cssSelector("#sheet-table tr[data-id='" + coal + "'] button.open")).click();
        browser.wait.until(d -> d.findElement(By.id("view-report")).isDisplayed()
                && !d.findElements(By.cssSelector("#bottleneck-table tbody tr")).isEmpty());
        JsonNode report = reports.get(coal);
        assertTrue(browser.byId("report-title").getText().contains(report.at("/region/name").asText()));
        List<WebElement> bottlenecks = browser.driver.findElements(By.cssSelector("#bottleneck-table tbody tr"));
        assertEquals(report.get("bottlenecks").size(), bottlenecks.size());
        for (int i = 0; i < bottlenecks.size(); i++) {
            assertEquals(report.get("bottlenecks").get(i).get("id").asText(), bottlenecks.get(i).getDomAttribute("data-id"));
            assertEquals(report.get("bottlenecks").get(i).get("severity").asDouble(),
                    number(bottlenecks.get(i).findElement(By.cssSelector(".c-severity")).getText()), 0.0005);
        }
        write("sheets-report-zh-CN.png", browser.screenshot("view-report", "bottleneck-table"));

        // download the workbook of the results and read it back
        Path downloads = browser.downloadsToTempDir();
        browser.driver.findElement(By.cssSelector("nav a[data-view='sheets']")).click();
        browser.byId("sheet-download").click();
        browser.wait.until(d -> downloaded(downloads).isPresent());
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(downloaded(downloads).orElseThrow()))) {
            assertWorkbookShows(wb, reports);
        }
        assertEquals(List.of(), browser.errors(), "no script error, refused resource or content-policy violation");
    }

    /** Each region's coverage, bottleneck severities and measure ranks and scores in the workbook equal the API's. */
    private static void assertWorkbookShows(XSSFWorkbook wb, Map<String, JsonNode> reports) {
        Sheet overview = wb.getSheet("概览");
        int seen = 0;
        for (Row row : overview) {
            if (row.getRowNum() == 0) {
                continue;
            }
            JsonNode report = reports.get(row.getCell(0).getStringCellValue());
            assertEquals(report.at("/coverage/share").asDouble(), row.getCell(5).getNumericCellValue(), 1e-9);
            seen++;
        }
        assertEquals(reports.size(), seen);
        Map<String, List<String>> severities = new HashMap<>();
        for (Row row : wb.getSheet("瓶颈")) {
            if (row.getRowNum() > 0) {
                severities.computeIfAbsent(row.getCell(0).getStringCellValue(), k -> new ArrayList<>())
                        .add(row.getCell(2).getStringCellValue() + "=" + row.getCell(4).getNumericCellValue());
            }
        }
        Map<String, List<String>> measures = new HashMap<>();
        for (Row row : wb.getSheet("措施")) {
            if (row.getRowNum() > 0) {
                measures.computeIfAbsent(row.getCell(0).getStringCellValue(), k -> new ArrayList<>())
                        .add((int) row.getCell(2).getNumericCellValue() + " " + row.getCell(3).getStringCellValue() + "="
                                + row.getCell(5).getNumericCellValue());
            }
        }
        for (Map.Entry<String, JsonNode> e : reports.entrySet()) {
            List<String> expected = new ArrayList<>();
            for (JsonNode b : e.getValue().get("bottlenecks")) {
                for (int i = 0; i < Math.max(1, b.get("evidence").size()); i++) {
                    expected.add(b.get("id").asText() + "=" + b.get("severity").asDouble());
                }
            }
            assertEquals(expected, severities.getOrDefault(e.getKey(), List.of()), e.getKey());
            List<String> ranked = new ArrayList<>();
            for (JsonNode m : e.getValue().get("recommendations")) {
                ranked.add(m.get("rank").asInt() + " " + m.get("id").asText() + "=" + m.get("score").asDouble());
            }
            assertEquals(ranked, measures.getOrDefault(e.getKey(), List.of()), e.getKey());
        }
    }

    private static Map<String, JsonNode> byRegion(JsonNode batch) {
        Map<String, JsonNode> map = new HashMap<>();
        batch.get("results").forEach(r -> map.put(r.get("regionId").asText(), r.get("report")));
        return map;
    }

    private static Optional<Path> downloaded(Path dir) {
        return Browser.downloaded(dir, ".xlsx");
    }

    private static double number(String text) {
        return Double.parseDouble(text.replaceAll("[,\\s%+]", ""));
    }

    /** Screenshots go to target/console/; with -Dscreenshots.update=true to docs/screenshots/ as well. */
    private static void write(String name, byte[] bytes) throws IOException {
        List<Path> dirs = Boolean.getBoolean("screenshots.update")
                ? List.of(Path.of("target/console"), Path.of("docs/screenshots")) : List.of(Path.of("target/console"));
        for (Path dir : dirs) {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name), bytes);
        }
    }
}
