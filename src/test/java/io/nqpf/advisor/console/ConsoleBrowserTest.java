package io.nqpf.advisor.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web console in a real browser (headless Chromium) on the running test service: a planner picks 七台河市 from
 * the census directory, completes a few fields, evaluates, reads the report with its charts in both languages,
 * sees a refused value at its field, and compares 2010 with 2020. Every number checked on the page is checked
 * against the API's own answer to the same request.
 */
@QuarkusTest
class ConsoleBrowserTest {

    /** The browser's language; the console must start in it. */
    private static final String BROWSER_LANGUAGE = "zh-CN";
    private static final String CODE = "230900";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Largest compressed size of everything the console loads before the planner does anything. */
    private static final long LOAD_BUDGET = 1_000_000;

    private static Browser browser;

    @TestHTTPResource("/")
    URL root;

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Starts the browser for the first test (each test is skipped, saying why, when there is none). */
    @BeforeEach
    void openConsole() {
        if (browser == null) {
            browser = Browser.start(BROWSER_LANGUAGE);
        }
        browser.open(root.toString());
    }

    @Test
    void aPlannerPicksARegionCompletesFieldsAndReadsTheApisNumbersWithChartsInBothLanguages() throws Exception {
        assertEquals("zh-CN", browser.script("return document.documentElement.lang"), "starts in the browser's language");
        assertEquals("开始", browser.driver.findElement(By.cssSelector("nav a[data-view='start']")).getText());

        pickQitaihe("2020");
        assertEquals(List.of(), browser.script("return [...document.querySelectorAll('input, select, textarea')]"
                + ".filter(e => !e.labels.length && !e.getAttribute('aria-label')).map(e => e.id || e.name)"),
                "every form control has a label");
        fill("innovation.rdIntensityPct", "0.5");
        fill("economy.resourceIndustrySharePct", "55");
        new Select(browser.byId("f-typology.resourceType")).selectByValue("COAL");
        browser.byId("evaluate").click();
        browser.wait.until(d -> d.findElement(By.id("view-report")).isDisplayed()
                && !d.findElements(By.cssSelector("#bottleneck-table")).isEmpty());

        ObjectNode profile = startingProfile("2020");
        profile.putObject("innovation").put("rdIntensityPct", 0.5);
        profile.putObject("economy").put("resourceIndustrySharePct", 55);
        profile.putObject("typology").put("resourceType", "COAL");
        JsonNode zh = evaluate(profile, "zh-CN");
        assertTrue(zh.get("bottlenecks").size() > 0, "the completed profile shows bottlenecks");
        assertReportShows(zh);
        write("report-zh-CN.png", browser.screenshot("view-report", "recommendation-table"));

        JsonNode en = evaluate(profile, "en");
        new Select(browser.byId("lang")).selectByValue("en");
        browser.wait.until(d -> "en".equals(browser.script("return document.documentElement.lang"))
                && d.findElement(By.id("report-title")).getText().startsWith("Report")
                && d.findElement(By.cssSelector("#bottleneck-table tbody tr th")).getText()
                        .equals(en.at("/bottlenecks/0/title").asText()));
        assertEquals("Start", browser.driver.findElement(By.cssSelector("nav a[data-view='start']")).getText());
        assertReportShows(en);
        write("report-en.png", browser.screenshot("view-report", "recommendation-table"));
        assertEquals(List.of(), browser.errors(), "no script error, refused resource or content-policy violation");
    }

    /** What the report view shows equals the API's answer: stage, coverage, every severity and score, in order. */
    private void assertReportShows(JsonNode report) {
        assertEquals(report.at("/region/name").asText(), browser.byId("report-title").getText()
                .replaceFirst("^[^:：]+[:：]\\s*", ""));
        assertEquals(report.at("/ruleset/version").asText(), browser.driver.findElement(By.cssSelector(".m-ruleset")).getText());
        assertTrue(browser.driver.findElement(By.cssSelector(".m-decision")).getText()
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), "the decision id is shown");
        assertEquals(report.at("/smartSpecialization/stage").asText(),
                browser.driver.findElement(By.cssSelector("#report-stage .stage")).getDomAttribute("data-stage"));
        assertEquals(Math.round(report.at("/coverage/share").asDouble() * 100),
                Math.round(number(browser.driver.findElement(By.cssSelector("#report-coverage .c-share")).getText())));

        List<WebElement> bottlenecks = browser.driver.findElements(By.cssSelector("#bottleneck-table tbody tr"));
        assertEquals(report.get("bottlenecks").size(), bottlenecks.size());
        for (int i = 0; i < bottlenecks.size(); i++) {
            JsonNode expected = report.get("bottlenecks").get(i);
            WebElement row = bottlenecks.get(i);
            assertEquals(expected.get("id").asText(), row.getDomAttribute("data-id"));
            assertEquals(expected.get("title").asText(), row.findElement(By.tagName("th")).getText());
            assertEquals(expected.get("severity").asDouble(), number(row.findElement(By.cssSelector(".c-severity")).getText()),
                    0.0005, expected.get("id").asText());
            // a presumed bottleneck is marked, and its article lists what would decide it
            assertEquals("PRESUMED".equals(expected.path("certainty").asText()),
                    !row.findElements(By.cssSelector(".presumed")).isEmpty(), expected.get("id").asText());
        }
        JsonNode city = report.at("/smartSpecialization/cityIndustryStage");
        WebElement shown = browser.driver.findElement(By.cssSelector("#report-stage .city-stage"));
        assertEquals(city.get("stage").asText(), shown.getDomAttribute("data-stage"));
        for (JsonNode d : city.path("decidedBy")) {
            assertTrue(shown.getText().contains(d.get("label").asText()), shown.getText());
        }
        // every value's year beside the year of its benchmark, in each bottleneck's evidence
        for (JsonNode b : report.get("bottlenecks")) {
            List<WebElement> rows = browser.driver.findElements(By.cssSelector(
                    "article.bottleneck[data-id='" + b.get("id").asText() + "'] table.evidence tbody tr"));
            assertEquals(b.get("evidence").size(), rows.size(), b.get("id").asText());
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(b.get("evidence").get(i).get("valueYear").asText(),
                        rows.get(i).findElement(By.cssSelector(".c-valueYear")).getText());
            }
        }
        List<WebElement> measures = browser.driver.findElements(By.cssSelector("#recommendation-table tbody tr"));
        assertEquals(report.get("recommendations").size(), measures.size());
        for (int i = 0; i < measures.size(); i++) {
            JsonNode expected = report.get("recommendations").get(i);
            WebElement row = measures.get(i);
            assertEquals(expected.get("id").asText(), row.getDomAttribute("data-id"));
            assertEquals(expected.get("rank").asInt(), (int) number(row.findElement(By.cssSelector(".c-rank")).getText()));
            assertEquals(expected.get("score").asDouble(), number(row.findElement(By.cssSelector(".c-score")).getText()),
                    0.0005, expected.get("id").asText());
            // the breakdown table of the measure lists its points, which add up to its score
            List<WebElement> points = browser.driver.findElements(By.cssSelector(
                    "article.recommendation[data-id='" + expected.get("id").asText() + "'] table.breakdown .c-points"));
            assertEquals(expected.get("scoreBreakdown").size(), points.size());
            for (int j = 0; j < points.size(); j++) {
                assertEquals(expected.get("scoreBreakdown").get(j).get("points").asDouble(), number(points.get(j).getText()),
                        0.0005);
            }
        }
        // the data gaps in the API's order (most consequential first) and, where the service gives them, the peers
        assertEquals(indicators(report.get("dataGaps")), rowIds("#data-gaps tbody tr"));
        if (report.has("peerContext")) {
            assertEquals(indicators(report.get("peerContext")), rowIds("#peers tbody tr"));
            for (JsonNode peer : report.get("peerContext")) {
                WebElement row = browser.driver.findElement(By.cssSelector(
                        "#peers tr[data-id='" + peer.get("indicator").asText() + "']"));
                // a value of a year without a census is listed, not ranked
                if (peer.has("percentile")) {
                    assertEquals(peer.get("percentile").asDouble(),
                            number(row.findElement(By.cssSelector(".c-percentile")).getText()), 0.0005,
                            peer.get("indicator").asText());
                }
                assertEquals(peer.get("valueYear").asText(), row.findElement(By.cssSelector(".c-valueYear")).getText());
            }
        }
        assertChartDrawn("chart-severity");
        assertChartDrawn("chart-scores");
    }

    private static List<String> indicators(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(item -> ids.add(item.get("indicator").asText()));
        return ids;
    }

    private List<String> rowIds(String selector) {
        return browser.driver.findElements(By.cssSelector(selector)).stream().map(r -> r.getDomAttribute("data-id")).toList();
    }

    @Test
    void aValueTheApiRefusesIsShownAtItsFieldUsingOnlyTheKeyboard() throws Exception {
        // type the name, tab past the census year to the first match, press Enter; type the value, press Enter
        WebElement search = browser.byId("region-q");
        search.sendKeys("七台河");
        browser.wait.until(d -> !d.findElements(By.cssSelector("#region-results button[data-code='" + CODE + "']")).isEmpty());
        search.sendKeys(Keys.TAB);
        browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertEquals(CODE, browser.driver.switchTo().activeElement().getDomAttribute("data-code"));
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.wait.until(d -> d.findElement(By.id("view-edit")).isDisplayed());
        fill("innovation.rdIntensityPct", "25");
        browser.byId("f-innovation.rdIntensityPct").sendKeys(Keys.ENTER);
        WebElement error = browser.byId("e-innovation.rdIntensityPct");
        browser.wait.until(d -> error.isDisplayed());

        ObjectNode profile = startingProfile("2020");
        profile.putObject("innovation").put("rdIntensityPct", 25);
        JsonNode problem = JSON.readTree(given().contentType(ContentType.JSON).body(profile.toString())
                .queryParam("lang", "zh-CN").post("/api/v1/recommendations").then().statusCode(400).extract().asString());
        JsonNode violation = problem.get("violations").get(0);
        assertEquals("innovation.rdIntensityPct", violation.get("field").asText());
        assertEquals(violation.get("message").asText(), error.getText());
        WebElement input = browser.byId("f-innovation.rdIntensityPct");
        assertEquals("true", input.getDomAttribute("aria-invalid"));
        assertTrue(input.getDomAttribute("aria-describedby").contains("e-innovation.rdIntensityPct"),
                "a screen reader reads the error with the field");
        assertEquals(input, browser.driver.switchTo().activeElement(), "the refused field has the focus");
        assertTrue(browser.byId("view-edit").isDisplayed(), "the planner stays on the form");
    }

    @Test
    void comparesTheRegionIn2010With2020() throws Exception {
        browser.driver.findElement(By.cssSelector("nav a[data-view='compare']")).click();
        browser.byId("compare-code").sendKeys(CODE);
        browser.byId("load-years").click();
        browser.wait.until(d -> d.findElement(By.id("compare-after")).getDomProperty("value").contains("\"year\": 2020"));
        browser.byId("compare-run").click();
        browser.wait.until(d -> !d.findElements(By.cssSelector("#compare-new")).isEmpty());

        JsonNode expected = JSON.readTree(given().contentType(ContentType.JSON)
                .body("{\"before\":" + startingProfile("2010") + ",\"after\":" + startingProfile("2020") + "}")
                .queryParam("lang", "zh-CN").post("/api/v1/recommendations/compare").then().statusCode(200)
                .extract().asString());
        assertEquals("七台河市 2010 → 七台河市 2020", browser.byId("compare-title").getText());
        // every list the API answers (the observability lists only where the service has them) in the API's order
        for (String list : List.of("resolved", "new", "persisting", "rankMoves", "becameObservable", "noLongerObservable",
                "newlyObserved", "noLongerObserved", "benchmarkShift")) {
            if (!expected.has(list)) {
                continue;
            }
            List<String> ids = new ArrayList<>();
            expected.get(list).forEach(b -> ids.add(b.has("id") ? b.get("id").asText() : b.get("indicator").asText()));
            List<String> shown = browser.driver.findElements(By.cssSelector("#compare-" + list + " tbody tr")).stream()
                    .map(r -> r.getDomAttribute("data-id")).toList();
            assertEquals(ids, shown, list);
        }
        assertFalse(expected.get("new").isEmpty(), "2020 shows what 2010 did not");
        assertFalse(browser.driver.findElements(By.cssSelector("#compare-new tbody tr")).isEmpty());
        for (JsonNode b : expected.get("new")) {
            WebElement row = browser.driver.findElement(By.cssSelector("#compare-new tr[data-id='" + b.get("id").asText() + "']"));
            assertEquals(b.get("severityAfter").asDouble(), number(row.findElement(By.cssSelector(".c-severityAfter")).getText()),
                    0.0005);
        }
        assertChartDrawn("chart-compare");
    }

    @Test
    void aBottleneckClearedOnlyByTheNationalFigureIsShownAsABenchmarkShift() throws Exception {
        // 13.7% aged 65+ in both years: above the national figure of 2020, below that of 2023
        String profile = "{\"regionId\":\"t-shift\",\"name\":\"移动市\",\"year\":%d,\"level\":\"PREFECTURE\","
                + "\"talent\":{\"agedSharePct\":13.7}}";
        browser.driver.findElement(By.cssSelector("nav a[data-view='compare']")).click();
        browser.script("document.getElementById('compare-before').value = arguments[0];"
                + "document.getElementById('compare-after').value = arguments[1];",
                profile.formatted(2020), profile.formatted(2023));
        browser.byId("compare-run").click();
        browser.wait.until(d -> !d.findElements(By.cssSelector("#compare-benchmarkShift")).isEmpty());
        JsonNode expected = JSON.readTree(given().contentType(ContentType.JSON)
                .body("{\"before\":" + profile.formatted(2020) + ",\"after\":" + profile.formatted(2023) + "}")
                .queryParam("lang", "zh-CN").post("/api/v1/recommendations/compare").then().statusCode(200)
                .extract().asString());
        JsonNode shift = expected.get("benchmarkShift").get(0);
        WebElement row = browser.driver.findElement(By.cssSelector(
                "#compare-benchmarkShift tr[data-id='" + shift.get("id").asText() + "']"));
        assertEquals(shift.at("/before/national").asDouble(),
                number(row.findElement(By.cssSelector(".c-nationalBefore")).getText().replaceFirst(" \\(.*", "")), 1e-9);
        assertTrue(row.findElement(By.cssSelector(".c-nationalAfter")).getText().endsWith("(2023)"));
        assertEquals(shift.get("valueYear").asText(), row.findElement(By.cssSelector(".c-valueYear")).getText());
        assertTrue(browser.driver.findElements(By.cssSelector("#compare-resolved tr[data-id='"
                + shift.get("id").asText() + "']")).isEmpty(), "a benchmark shift is not shown as resolved");
        assertEquals(List.of(), browser.errors(), "no script error, refused resource or content-policy violation");
    }

    @Test
    void theWholeConsoleLoadsInUnderOneMegabyteCompressed() throws Exception {
        // every resource the page loaded, as the browser recorded it: the page, its scripts, styles and icon, the
        // ECharts build, and the API calls it makes at start (OpenAPI document, data dictionary, examples)
        @SuppressWarnings("unchecked")
        List<String> urls = (List<String>) browser.script("return [location.href.split('#')[0], "
                + "...performance.getEntriesByType('resource').map(e => e.name)]");
        HttpClient http = HttpClient.newHttpClient();
        long raw = 0;
        long served = 0;
        long gzip = 0;
        StringBuilder table = new StringBuilder(String.format("%8s %8s %8s  %s%n", "raw", "served", "gzip", "resource"));
        for (String url : urls) {
            byte[] body = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
            // what goes over the wire to a browser, which accepts gzip (the service compresses what it may)
            long wire = http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Encoding", "gzip").build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body().length;
            long compressed = gzipped(body);
            raw += body.length;
            served += wire;
            gzip += compressed;
            table.append(String.format("%8d %8d %8d  %s%n", body.length, wire, compressed, URI.create(url).getPath()));
        }
        table.append(String.format("%8d %8d %8d  total bytes%n", raw, served, gzip));
        System.out.print("Console load:\n" + table);
        assertTrue(urls.stream().anyMatch(u -> u.contains("/webjars/echarts/")), "ECharts is served by the service");
        assertTrue(urls.stream().allMatch(u -> u.startsWith(root.toString().replaceAll("/$", ""))),
                "nothing is loaded from elsewhere: " + urls);
        assertTrue(gzip < LOAD_BUDGET, "console load " + gzip + " bytes compressed:\n" + table);
        assertTrue(served < LOAD_BUDGET, "console load " + served + " bytes as served:\n" + table);
        Files.createDirectories(Path.of("target/console"));
        Files.writeString(Path.of("target/console/console-load.txt"), table);
    }

    private static long gzipped(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        }
        return out.size();
    }

    private void pickQitaihe(String year) {
        browser.driver.findElement(By.cssSelector("input[name='census-year'][value='" + year + "']")).click();
        browser.byId("region-q").sendKeys("七台河");
        browser.wait.until(d -> d.findElement(By.cssSelector("#region-results button[data-code='" + CODE + "']"))).click();
        browser.wait.until(d -> d.findElement(By.id("view-edit")).isDisplayed());
        assertEquals("七台河市", browser.byId("f-name").getDomProperty("value"));
    }

    private void fill(String path, String value) {
        WebElement input = browser.byId("f-" + path);
        input.clear();
        input.sendKeys(value);
    }

    private void assertChartDrawn(String id) {
        List<WebElement> canvas = browser.driver.findElements(By.cssSelector("#" + id + " canvas"));
        assertFalse(canvas.isEmpty(), id + " has a chart");
        Number width = (Number) browser.script("return arguments[0].getBoundingClientRect().width", canvas.get(0));
        assertTrue(width.doubleValue() > 300, id + " is drawn at the width of the page, not while hidden: " + width);
        // something was painted: the canvas is not one uniform colour
        Boolean painted = (Boolean) browser.script("const c = arguments[0], g = c.getContext('2d');"
                + "const d = g.getImageData(0, 0, c.width, c.height).data;"
                + "for (let i = 4; i < d.length; i += 4) { if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2]"
                + " || d[i + 3] !== d[3]) return true; } return false;", canvas.get(0));
        assertTrue(painted, id + " is painted");
        String picture = browser.driver.findElement(By.cssSelector("#" + id + " + img.chart-print")).getDomAttribute("src");
        assertTrue(picture.startsWith("data:image/png;base64,") && picture.length() > 2000, id + " has its picture for print");
    }

    private static ObjectNode startingProfile(String year) throws IOException {
        return (ObjectNode) JSON.readTree(given().get("/api/v1/regions/" + CODE + "/profile?year=" + year).then()
                .statusCode(200).extract().asString()).get("profile");
    }

    private static JsonNode evaluate(JsonNode profile, String lang) throws IOException {
        return JSON.readTree(given().contentType(ContentType.JSON).body(profile.toString()).queryParam("lang", lang)
                .post("/api/v1/recommendations").then().statusCode(200).extract().asString());
    }

    /** A number as the console shows it (grouped thousands, a trailing %). */
    private static double number(String text) {
        return Double.parseDouble(text.replaceAll("[,\\s%+]", ""));
    }

    /**
     * Screenshots and measurements go to target/console/; with -Dscreenshots.update=true the same files are
     * written to docs/screenshots/ as well, to commit.
     */
    private static void write(String name, byte[] bytes) throws IOException {
        List<Path> dirs = Boolean.getBoolean("screenshots.update")
                ? List.of(Path.of("target/console"), Path.of("docs/screenshots")) : List.of(Path.of("target/console"));
        for (Path dir : dirs) {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name), bytes);
        }
    }
}
