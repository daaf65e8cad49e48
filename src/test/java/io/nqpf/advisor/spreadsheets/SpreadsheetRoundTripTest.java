package io.nqpf.advisor.spreadsheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.service.RulesetService;
import io.nqpf.advisor.support.Examples;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The template round-trips: every example profile written into the template, in either language, as a workbook or
 * as CSV, read back by the batch endpoint gives the same report as its JSON; and a sheet typed as an office types it
 * (% cells, "4.2万", "42,000", labels, 是/否, — for unknown, a formula) gives the report of the same JSON profile.
 */
@QuarkusTest
class SpreadsheetRoundTripTest {

    @Inject
    RulesetService rulesets;

    private static List<JsonNode> examples() {
        List<JsonNode> profiles = new ArrayList<>();
        for (Path p : Examples.all()) {
            profiles.add(Sheets.read(Examples.read(p.getFileName().toString())));
        }
        return profiles;
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN:xlsx", "en:xlsx", "zh-CN:csv", "en:csv"})
    void everyExampleWrittenIntoTheTemplateGivesTheReportOfItsJson(String variant) throws Exception {
        String lang = variant.split(":")[0];
        boolean csv = variant.endsWith("csv");
        List<JsonNode> profiles = examples();
        TemplateWriter writer = new TemplateWriter(rulesets.active(), Language.match(lang).orElseThrow(), 10);
        ByteArrayOutputStream sheet = new ByteArrayOutputStream();
        if (csv) {
            writer.csv(Sheets.iterator(profiles), sheet);
        } else {
            writer.xlsx(Sheets.iterator(profiles), sheet);
        }
        JsonNode fromSheet = Sheets.read(Sheets.upload(sheet.toByteArray(), csv ? "text/csv" : Sheets.XLSX, lang)
                .then().statusCode(200).extract().asString());
        JsonNode fromJson = Sheets.jsonBatch(profiles, lang);
        assertEquals(profiles.size(), fromSheet.get("results").size());
        assertEquals(0, fromSheet.get("failed").asInt(), () -> fromSheet.findValues("problem").toString());
        for (int i = 0; i < profiles.size(); i++) {
            JsonNode a = fromSheet.get("results").get(i);
            JsonNode b = fromJson.get("results").get(i);
            assertEquals(b.get("regionId"), a.get("regionId"));
            assertEquals("", Sheets.difference(Sheets.stable(b.get("report")), Sheets.stable(a.get("report")), ""),
                    "the report of " + b.get("regionId") + " read from the " + variant + " sheet");
        }
    }

    @Test
    void aSheetTypedAsAnOfficeTypesItGivesTheReportOfTheSameJson() throws Exception {
        JsonNode profile = Sheets.read(Examples.read("declining-coal-city.json"));
        try (XSSFWorkbook wb = Sheets.template("zh-CN")) {
            Sheet sheet = wb.getSheet("地区");
            Map<String, Integer> columns = Sheets.columns(sheet);
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
            int r = 2;
            Sheets.cell(sheet, r, columns, "regionId").setCellValue(profile.get("regionId").asText());
            Sheets.cell(sheet, r, columns, "name").setCellValue(profile.get("name").asText());
            Sheets.cell(sheet, r, columns, "year").setCellValue(2023);
            Sheets.cell(sheet, r, columns, "level").setCellValue("地级市");              // the list's label
            Sheets.cell(sheet, r, columns, "macroRegion").setCellValue("NORTHEAST");     // or the code
            Sheets.cell(sheet, r, columns, "sizeClass").setCellValue("medium city");     // or the English label
            for (var group : iterable(profile.fields())) {
                if (!group.getValue().isObject()) {
                    continue;
                }
                for (var field : iterable(group.getValue().fields())) {
                    String path = group.getKey() + "." + field.getKey();
                    Cell cell = Sheets.cell(sheet, r, columns, path);
                    JsonNode v = field.getValue();
                    if (v.isBoolean()) {
                        cell.setCellValue(v.asBoolean() ? "是" : "否");
                    } else if (v.isTextual()) {
                        cell.setCellValue(v.asText());
                    } else if (path.endsWith("SharePct")) {
                        cell.setCellValue(v.asDouble() / 100);                          // 0.62 shown as 62.0%
                        cell.setCellStyle(percent);
                    } else if (path.endsWith("Pct")) {
                        cell.setCellValue(v.asText() + "%");                            // "6.8%" typed as text
                    } else {
                        cell.setCellValue(v.asDouble());
                    }
                }
            }
            Sheets.cell(sheet, r, columns, "economy.gdpPerCapitaYuan").setCellValue("4.2万元");
            Sheets.cell(sheet, r, columns, "talent.residentPopulation").setCellValue("890,000");
            Sheets.cell(sheet, r, columns, "urbanRural.ruralIncomeYuan").setCellValue("1.78万");
            // a formula whose value Excel computed and saved: 2 × 1.9 ÷ 2
            Cell ratio = Sheets.cell(sheet, r, columns, "urbanRural.incomeRatio");
            ratio.setCellFormula("2*1.9/2");
            wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(ratio);
            // unknown, typed as an office marks it: the profile without the value
            Sheets.cell(sheet, r, columns, "digital.dataIncidentsPer100k").setCellValue("—");
            ((com.fasterxml.jackson.databind.node.ObjectNode) profile.get("digital")).remove("dataIncidentsPer100k");

            JsonNode fromSheet = Sheets.read(Sheets.upload(Sheets.bytes(wb), Sheets.XLSX, "zh-CN").then().statusCode(200)
                    .extract().asString());
            JsonNode fromJson = Sheets.jsonBatch(List.of(profile), "zh-CN");
            assertEquals(0, fromSheet.get("failed").asInt(), () -> fromSheet.findValues("problem").toString());
            assertEquals("", Sheets.difference(Sheets.stable(fromJson.at("/results/0/report")),
                    Sheets.stable(fromSheet.at("/results/0/report")), ""));
            assertFalse(fromSheet.at("/results/0/report/bottlenecks").isEmpty());
        }
    }

    @Test
    void theYearAndSourceColumnsOfAValueFillAsOfAndSources() throws Exception {
        JsonNode profile = Sheets.read("""
                {"regionId":"t-sheet-years","name":"年份市","year":2023,"level":"PREFECTURE",
                 "talent":{"agedSharePct":13.7},"asOf":{"talent.agedSharePct":2020},
                 "sources":{"talent.agedSharePct":"第七次全国人口普查公报"}}""");
        try (XSSFWorkbook wb = Sheets.template("zh-CN")) {
            Sheet sheet = wb.getSheet("地区");
            Map<String, Integer> columns = Sheets.columns(sheet);
            int r = 2;
            Sheets.cell(sheet, r, columns, "regionId").setCellValue("t-sheet-years");
            Sheets.cell(sheet, r, columns, "name").setCellValue("年份市");
            Sheets.cell(sheet, r, columns, "year").setCellValue(2023);
            Sheets.cell(sheet, r, columns, "level").setCellValue("地级市");
            Sheets.cell(sheet, r, columns, "talent.agedSharePct").setCellValue(13.7);
            Sheets.cell(sheet, r, columns, "asOf.talent.agedSharePct").setCellValue(2020);
            Sheets.cell(sheet, r, columns, "sources.talent.agedSharePct").setCellValue("第七次全国人口普查公报");
            // the next row dates its value after the profile's year: refused at that cell
            Sheets.cell(sheet, r + 1, columns, "regionId").setCellValue("t-sheet-later");
            Sheets.cell(sheet, r + 1, columns, "name").setCellValue("年份市");
            Sheets.cell(sheet, r + 1, columns, "year").setCellValue(2023);
            Sheets.cell(sheet, r + 1, columns, "level").setCellValue("地级市");
            Sheets.cell(sheet, r + 1, columns, "talent.agedSharePct").setCellValue(13.7);
            Sheets.cell(sheet, r + 1, columns, "asOf.talent.agedSharePct").setCellValue(2024);

            JsonNode fromSheet = Sheets.read(Sheets.upload(Sheets.bytes(wb), Sheets.XLSX, "zh-CN").then().statusCode(200)
                    .extract().asString());
            JsonNode fromJson = Sheets.jsonBatch(List.of(profile), "zh-CN");
            assertEquals("", Sheets.difference(Sheets.stable(fromJson.at("/results/0/report")),
                    Sheets.stable(fromSheet.at("/results/0/report")), ""));
            JsonNode evidence = fromSheet.at("/results/0/report/bottlenecks").findValues("evidence").get(0).get(0);
            assertEquals(2020, evidence.get("valueYear").asInt(), evidence.toString());
            assertEquals(2020, evidence.get("benchmarkYear").asInt(), evidence.toString());
            JsonNode violation = fromSheet.at("/results/1/problem/violations/0");
            assertEquals("asOf.talent.agedSharePct", violation.get("field").asText(), violation.toString());
            String column = org.apache.poi.ss.util.CellReference.convertNumToColString(
                    columns.get("asOf.talent.agedSharePct"));
            assertEquals("地区!" + column + (r + 2), violation.get("cell").asText());
        }
    }

    @Test
    void theTemplateCarriesLabelsPathsNotesValidationAndADictionary() throws Exception {
        try (XSSFWorkbook wb = Sheets.template("zh-CN")) {
            Sheet sheet = wb.getSheet("地区");
            assertEquals("研发经费投入强度（%）", sheet.getRow(0).getCell(Sheets.columns(sheet).get("innovation.rdIntensityPct"))
                    .getStringCellValue());
            Cell rd = sheet.getRow(0).getCell(Sheets.columns(sheet).get("innovation.rdIntensityPct"));
            assertTrue(rd.getCellComment().getString().getString().contains("定义："), "the header's note has the definition");
            assertTrue(rd.getCellComment().getString().getString().contains("来源："));
            assertEquals(2, sheet.getPaneInformation().getHorizontalSplitTopRow());
            assertTrue(sheet.getDataValidations().size() > 40, "categories, yes/no and ranges are validated");
            assertTrue(wb.getSheet("数据字典").getLastRowNum() >= SheetColumns.all().stream()
                    .filter(c -> c.role() == SheetColumn.Role.VALUE).count());
            // every field of the profile is a column: none is listed by hand
            assertEquals(SheetColumns.all().stream().map(SheetColumn::path).toList(),
                    Sheets.columns(sheet).entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList());
        }
        try (XSSFWorkbook wb = Sheets.template("en")) {
            Sheet sheet = wb.getSheet("Regions");
            assertEquals("R&D intensity (%)", sheet.getRow(0).getCell(Sheets.columns(sheet).get("innovation.rdIntensityPct"))
                    .getStringCellValue());
        }
        byte[] csv = io.restassured.RestAssured.given().queryParam("lang", "zh-CN").queryParam("format", "csv")
                .get("/api/v1/spreadsheets/template").then().statusCode(200).extract().asByteArray();
        assertEquals((byte) 0xEF, csv[0], "UTF-8 byte order mark, so that Excel shows Chinese");
        String text = new String(csv, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.lines().skip(1).findFirst().orElseThrow().startsWith("regionId,name,year,level"));
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
        return () -> it;
    }
}
