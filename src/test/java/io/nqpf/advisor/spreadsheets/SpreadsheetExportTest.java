package io.nqpf.advisor.spreadsheets;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nqpf.advisor.support.Examples;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Reports, batches and comparisons as workbooks: the numbers in each sheet are the API's JSON answer's, every sheet
 * has its filter, frozen header, ruleset version and decision ids, and severities are shaded.
 */
@QuarkusTest
class SpreadsheetExportTest {

    static XSSFWorkbook workbook(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    /** The column of a header in the first row. */
    static int column(Sheet sheet, String header) {
        for (var cell : sheet.getRow(0)) {
            if (cell.getStringCellValue().equals(header)) {
                return cell.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + header + " in " + sheet.getSheetName());
    }

    /** What a workbook of one full report shows equals the report: stage, coverage, severities, scores, ranks, gaps. */
    static void assertShows(XSSFWorkbook wb, JsonNode report, String lang) {
        boolean zh = lang.equals("zh-CN");
        String decision = report.get("decisionId").asText();
        Sheet overview = wb.getSheet(zh ? "概览" : "Overview");
        Row row = null;
        for (Row r : overview) {
            if (r.getRowNum() > 0 && decision.equals(r.getCell(column(overview, zh ? "决策编号" : "Decision id")).getStringCellValue())) {
                row = r;
            }
        }
        assertTrue(row != null, "the overview has the report's decision id");
        assertEquals(report.at("/coverage/share").asDouble(),
                row.getCell(column(overview, zh ? "数据覆盖率" : "Data coverage")).getNumericCellValue(), 1e-9);
        assertEquals(report.get("bottlenecks").size(), (int) (row.getCell(column(overview, zh ? "高" : "High")).getNumericCellValue()
                + row.getCell(column(overview, zh ? "中" : "Medium")).getNumericCellValue()
                + row.getCell(column(overview, zh ? "低" : "Low")).getNumericCellValue()));
        Sheet bottlenecks = wb.getSheet(zh ? "瓶颈" : "Bottlenecks");
        List<String> seen = new ArrayList<>();
        for (Row r : bottlenecks) {
            if (r.getRowNum() == 0 || !decision.equals(r.getCell(column(bottlenecks, zh ? "决策编号" : "Decision id")).getStringCellValue())) {
                continue;
            }
            String id = r.getCell(column(bottlenecks, zh ? "瓶颈编号" : "Bottleneck id")).getStringCellValue();
            JsonNode b = find(report.get("bottlenecks"), id);
            assertEquals(b.get("severity").asDouble(), r.getCell(column(bottlenecks, zh ? "严重度" : "Severity")).getNumericCellValue(), 1e-9);
            seen.add(id);
        }
        int evidence = 0;
        for (JsonNode b : report.get("bottlenecks")) {
            evidence += Math.max(1, b.get("evidence").size());
        }
        assertEquals(evidence, seen.size(), "one row per piece of evidence");
        Sheet measures = wb.getSheet(zh ? "措施" : "Measures");
        int count = 0;
        for (Row r : measures) {
            if (r.getRowNum() == 0 || !decision.equals(r.getCell(column(measures, zh ? "决策编号" : "Decision id")).getStringCellValue())) {
                continue;
            }
            JsonNode m = report.get("recommendations").get(count++);
            assertEquals(m.get("id").asText(), r.getCell(column(measures, zh ? "措施编号" : "Measure id")).getStringCellValue());
            assertEquals(m.get("rank").asInt(), (int) r.getCell(column(measures, zh ? "排名" : "Rank")).getNumericCellValue());
            assertEquals(m.get("score").asDouble(), r.getCell(column(measures, zh ? "得分" : "Score")).getNumericCellValue(), 1e-9);
        }
        assertEquals(report.get("recommendations").size(), count);
        for (Sheet sheet : wb) {
            if (sheet.getSheetName().equals(zh ? "关于" : "About")) {
                continue;
            }
            assertTrue(((org.apache.poi.xssf.usermodel.XSSFSheet) sheet).getCTWorksheet().isSetAutoFilter(), sheet.getSheetName() + " has a filter");
            assertEquals(1, sheet.getPaneInformation().getHorizontalSplitTopRow(), sheet.getSheetName() + " freezes its header");
            column(sheet, zh ? "规则集版本" : "Ruleset version");
        }
        assertTrue(wb.getSheet(zh ? "瓶颈" : "Bottlenecks").getSheetConditionalFormatting().getNumConditionalFormattings() > 0,
                "severities are shaded");
    }

    private static JsonNode find(JsonNode array, String id) {
        for (JsonNode n : array) {
            if (n.get("id").asText().equals(id)) {
                return n;
            }
        }
        throw new AssertionError("no " + id);
    }

    @Test
    void aReportAsAWorkbookShowsTheApisNumbers() throws IOException {
        String body = Examples.read("declining-coal-city.json");
        byte[] bytes = given().contentType("application/json").accept(Sheets.XLSX).queryParam("lang", "zh-CN").body(body)
                .post("/api/v1/recommendations").then().statusCode(200).contentType(Sheets.XLSX)
                .header("Content-Disposition", org.hamcrest.Matchers.containsString(".xlsx")).extract().asByteArray();
        try (XSSFWorkbook wb = workbook(bytes)) {
            Sheet overview = wb.getSheet("概览");
            String decision = overview.getRow(1).getCell(column(overview, "决策编号")).getStringCellValue();
            // the same profile evaluated as JSON: everything but the decision id and time is the same
            JsonNode report = Sheets.read(given().contentType("application/json").queryParam("lang", "zh-CN").body(body)
                    .post("/api/v1/recommendations").then().statusCode(200).extract().asString());
            ((ObjectNode) report).put("decisionId", decision);
            assertShows(wb, report, "zh-CN");
        }
    }

    @Test
    void aBatchAsAWorkbookListsRefusedRowsAndAsCsvItsOverview() throws IOException {
        String good = Examples.read("mature-resource-city.json");
        String bad = "{\"regionId\":\"broken\",\"name\":\"x\",\"year\":2023,\"level\":\"COUNTY\",\"innovation\":{\"rdIntensityPct\":99}}";
        String body = "{\"profiles\":[" + good + "," + bad + "]}";
        byte[] bytes = given().contentType("application/json").queryParam("format", "xlsx").queryParam("lang", "en").body(body)
                .post(Sheets.BATCH).then().statusCode(200).contentType(Sheets.XLSX).extract().asByteArray();
        try (XSSFWorkbook wb = workbook(bytes)) {
            Sheet refused = wb.getSheet("Refused rows");
            assertEquals("innovation.rdIntensityPct", refused.getRow(1).getCell(column(refused, "Field")).getStringCellValue());
            assertTrue(refused.getRow(1).getCell(column(refused, "Reason")).getStringCellValue().contains("20"));
            assertEquals(2, wb.getSheet("Overview").getLastRowNum() + 1, "one region evaluated");
        }
        String csv = new String(given().contentType("application/json").accept("text/csv").queryParam("lang", "en").body(body)
                .post(Sheets.BATCH).then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertEquals('\uFEFF', lines.get(0).charAt(0));
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).startsWith("example."), lines.get(1));
        assertTrue(lines.get(2).startsWith("broken,") && lines.get(2).contains("innovation.rdIntensityPct"), lines.get(2));
    }

    @Test
    void aComparisonAsAWorkbookListsTheChangesThenBothReports() throws IOException {
        String before = Examples.read("declining-coal-city.json");
        String after = before.replace("\"rdIntensityPct\": 0.45", "\"rdIntensityPct\": 2.9");
        String body = "{\"before\":" + before + ",\"after\":" + after + "}";
        JsonNode comparison = Sheets.read(given().contentType("application/json").queryParam("lang", "en").body(body)
                .post("/api/v1/recommendations/compare").then().statusCode(200).extract().asString());
        byte[] bytes = given().contentType("application/json").accept(Sheets.XLSX).queryParam("lang", "en").body(body)
                .post("/api/v1/recommendations/compare").then().statusCode(200).contentType(Sheets.XLSX).extract().asByteArray();
        try (XSSFWorkbook wb = workbook(bytes)) {
            assertEquals("Comparison", wb.getSheetName(0));
            Sheet sheet = wb.getSheet("Comparison");
            int changes = 0;
            for (String kind : List.of("resolved", "new", "persisting", "rankMoves", "indicatorChanges")) {
                changes += comparison.path(kind).size();
            }
            assertTrue(changes > 0);
            assertTrue(sheet.getLastRowNum() >= changes, "one row per change");
            assertEquals(3, wb.getSheet("Overview").getLastRowNum() + 1, "both reports");
        }
    }
}
