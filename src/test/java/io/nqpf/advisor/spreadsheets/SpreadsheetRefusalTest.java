package io.nqpf.advisor.spreadsheets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.service.RulesetService;
import io.nqpf.advisor.support.Examples;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad cells and bad files, each refused with a problem that names the sheet and cell, the field and the reason in
 * the request's language: a bad row fails alone (the other rows are evaluated), a bad file is refused whole before
 * anything is evaluated, and a file built to exhaust memory (a zip bomb, a huge text table, too many rows) is
 * refused as too large without being read whole.
 */
@QuarkusTest
class SpreadsheetRefusalTest {

    @Inject
    RulesetService rulesets;

    private XSSFWorkbook wb;
    private Sheet sheet;
    private Map<String, Integer> columns;

    /** A workbook of the template with two good rows (3 and 4) from the examples. */
    @BeforeEach
    void twoGoodRows() throws IOException {
        List<JsonNode> profiles = List.of(Sheets.read(Examples.read("declining-coal-city.json")),
                Sheets.read(Examples.read("mid-size-inland-city.json")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TemplateWriter(rulesets.active(), Language.ZH_CN, 10).xlsx(Sheets.iterator(profiles), out);
        wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
        sheet = wb.getSheet("地区");
        columns = Sheets.columns(sheet);
    }

    private String at(String path, int row) {
        return "地区!" + RawCell.letters(columns.get(path)) + row;
    }

    /** The one problem of row 3 after the change, with the second row evaluated. */
    private JsonNode rowProblem(String lang) {
        JsonNode answer = Sheets.read(Sheets.upload(Sheets.bytes(wb), Sheets.XLSX, lang).then().statusCode(200)
                .extract().asString());
        assertEquals(1, answer.get("failed").asInt(), "only the bad row fails: " + answer.findValues("problem"));
        assertTrue(answer.at("/results/1/report/bottlenecks").isArray(), "the other row is evaluated");
        JsonNode problem = answer.at("/results/0/problem");
        assertEquals(400, problem.get("status").asInt());
        assertEquals(1, problem.get("violations").size(), problem.toString());
        return problem.get("violations").get(0);
    }

    private void assertRowProblem(String path, String cellPath, String lang, String... words) {
        JsonNode v = rowProblem(lang);
        assertEquals(cellPath, v.get("field").asText(), v.toString());
        assertEquals(at(path, 3), v.get("cell").asText(), v.toString());
        for (String word : words) {
            assertTrue(v.get("message").asText().contains(word), v + " should say " + word);
        }
    }

    @Test
    void textInANumberColumn() {
        Sheets.cell(sheet, 2, columns, "innovation.rdIntensityPct").setCellValue("约0.5");
        assertRowProblem("innovation.rdIntensityPct", "innovation.rdIntensityPct", "zh-CN", "须为数值", "约0.5");
    }

    @Test
    void aValueOutOfRangeInEitherLanguage() {
        Sheets.cell(sheet, 2, columns, "innovation.rdIntensityPct").setCellValue(25);
        assertRowProblem("innovation.rdIntensityPct", "innovation.rdIntensityPct", "zh-CN", "须小于或等于 20", "25");
        assertRowProblem("innovation.rdIntensityPct", "innovation.rdIntensityPct", "en", "less than or equal to 20");
    }

    @Test
    void aFractionInAWholeNumberColumn() {
        Sheets.cell(sheet, 2, columns, "innovation.universities").setCellValue(3.5);
        assertRowProblem("innovation.universities", "innovation.universities", "zh-CN", "须为整数");
    }

    @Test
    void anUnknownCategory() {
        Sheets.cell(sheet, 2, columns, "typology.resourceType").setCellValue("煤矿");
        assertRowProblem("typology.resourceType", "typology.resourceType", "zh-CN", "煤炭", "煤矿");
    }

    @Test
    void anUnreadableYesNo() {
        Sheets.cell(sheet, 2, columns, "digital.cityDataPlatform").setCellValue("也许");
        assertRowProblem("digital.cityDataPlatform", "digital.cityDataPlatform", "en", "yes or no", "也许");
    }

    @Test
    void anErrorCell() {
        Sheets.cell(sheet, 2, columns, "fiscal.govDebtRatioPct").setCellErrorValue(FormulaError.DIV0.getCode());
        assertRowProblem("fiscal.govDebtRatioPct", "fiscal.govDebtRatioPct", "zh-CN", "#DIV/0!");
    }

    @Test
    void aFormulaWithoutItsSavedResult() {
        Sheets.cell(sheet, 2, columns, "fiscal.govDebtRatioPct").setCellFormula("420*1");
        assertRowProblem("fiscal.govDebtRatioPct", "fiscal.govDebtRatioPct", "en", "no saved result");
    }

    @Test
    void aPercentageForAFieldThatIsNone() {
        Sheets.cell(sheet, 2, columns, "urbanRural.incomeRatio").setCellValue("190%");
        assertRowProblem("urbanRural.incomeRatio", "urbanRural.incomeRatio", "zh-CN", "不是百分数", "190%");
    }

    @Test
    void aRequiredValueLeftBlank() {
        Sheets.cell(sheet, 2, columns, "name").setBlank();
        assertRowProblem("name", "name", "zh-CN", "不能为空");
    }

    @Test
    void sharesThatDoNotSumTo100() {
        Sheets.cell(sheet, 2, columns, "economy.primarySharePct").setCellValue(40);
        JsonNode v = rowProblem("zh-CN");
        assertEquals("economy", v.get("field").asText());
        assertTrue(v.get("cell").asText().startsWith("地区!") && v.get("cell").asText().endsWith("3"), v.toString());
        assertTrue(v.get("message").asText().contains("100 ± 2"));
    }

    @Test
    void aValueInAColumnWithoutAFieldName() {
        int beyond = columns.size() + 2;
        Sheets.cell(sheet, 2, beyond).setCellValue("备注：数据待核");
        JsonNode v = rowProblem("zh-CN");
        assertEquals("地区!" + RawCell.letters(beyond) + "3", v.get("cell").asText());
        assertTrue(v.get("message").asText().contains("没有字段名"));
    }

    // ---- whole files --------------------------------------------------------------------------------------------

    private JsonNode fileProblem(byte[] body, String type, String lang, int status) {
        return Sheets.read(Sheets.upload(body, type, lang).then().statusCode(status)
                .contentType("application/problem+json").extract().asString());
    }

    @Test
    void anUnknownColumnIsRefusedByName() {
        int c = columns.size();
        Sheets.cell(sheet, 1, c).setCellValue("economy.gdpTotal");
        JsonNode problem = fileProblem(Sheets.bytes(wb), Sheets.XLSX, "zh-CN", 400);
        assertEquals("表格无效", problem.get("title").asText());
        JsonNode v = problem.at("/violations/0");
        assertEquals("economy.gdpTotal", v.get("field").asText());
        assertEquals("地区!" + RawCell.letters(c) + "2", v.get("cell").asText());
        assertTrue(v.get("message").asText().contains("未知列"));
    }

    @Test
    void aRepeatedColumnAndAMissingRequiredOne() {
        Sheets.cell(sheet, 1, columns.get("innovation.universities")).setCellValue("innovation.rdIntensityPct");
        int level = columns.get("level");
        for (int r = 1; r <= 3; r++) {
            sheet.getRow(r).removeCell(sheet.getRow(r).getCell(level));
        }
        JsonNode problem = fileProblem(Sheets.bytes(wb), Sheets.XLSX, "en", 400);
        List<String> messages = new ArrayList<>();
        problem.get("violations").forEach(v -> messages.add(v.get("field").asText() + "@" + v.get("cell").asText()
                + ": " + v.get("message").asText()));
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("innovation.rdIntensityPct@" + at("innovation.universities", 2))
                && m.contains("appears twice")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("level@地区!2:2") && m.contains("required column level")),
                messages.toString());
    }

    @Test
    void aFileThatIsNoWorkbook() {
        JsonNode problem = fileProblem("regionId,name\n".getBytes(StandardCharsets.UTF_8), Sheets.XLSX, "en", 400);
        assertTrue(problem.get("detail").asText().contains("no zip package"), problem.toString());
    }

    @Test
    void anOldXlsWorkbook() {
        byte[] ole2 = new byte[512];
        System.arraycopy(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1}, 0, ole2, 0, 8);
        JsonNode problem = fileProblem(ole2, Sheets.XLSX, "zh-CN", 400);
        assertTrue(problem.get("detail").asText().contains(".xls"), problem.toString());
    }

    @Test
    void aWorkbookWithMacros() throws IOException {
        byte[] xlsm = rezip(Sheets.bytes(wb), Map.of("xl/vbaProject.bin", new byte[] {1, 2, 3}), types -> types.replace(
                "</Types>", "<Override PartName=\"/xl/vbaProject.bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/></Types>"));
        JsonNode problem = fileProblem(xlsm, Sheets.XLSX, "en", 400);
        assertTrue(problem.get("detail").asText().contains("macros"), problem.toString());
    }

    @Test
    void aWorkbookLinkedToAnotherFile() throws IOException {
        byte[] linked = rezip(Sheets.bytes(wb), Map.of("xl/externalLinks/externalLink1.xml",
                "<externalLink xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>".getBytes(StandardCharsets.UTF_8)),
                types -> types.replace("</Types>", "<Override PartName=\"/xl/externalLinks/externalLink1.xml\" ContentType="
                        + "\"application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml\"/></Types>"));
        JsonNode problem = fileProblem(linked, Sheets.XLSX, "zh-CN", 400);
        assertTrue(problem.get("detail").asText().contains("链接了其他文件"), problem.toString());
        assertTrue(problem.get("detail").asText().contains("externalLink1.xml"), problem.toString());
    }

    @Test
    void aZipBombIsRefusedWithoutBeingInflated() throws IOException {
        // the region sheet replaced by 400 MB of blanks: a few hundred KB compressed
        byte[] bomb = rezip(Sheets.bytes(wb), Map.of(), t -> t, "xl/worksheets/sheet1.xml", out -> {
            out.write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                    .getBytes(StandardCharsets.UTF_8));
            byte[] blanks = new byte[1 << 20];
            java.util.Arrays.fill(blanks, (byte) ' ');
            for (int i = 0; i < 400; i++) {
                out.write(blanks);
            }
            out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        });
        assertTrue(bomb.length < 2_000_000, "the bomb is small: " + bomb.length);
        JsonNode problem = fileProblem(bomb, Sheets.XLSX, "en", 413);
        assertTrue(problem.get("detail").asText().contains("zip bomb"), problem.toString());
    }

    @Test
    void aHugeTableOfTextsIsRefused() throws IOException {
        // 9 million characters of text nobody can compress, in the workbook's shared text table
        Random random = new Random(7);
        byte[] sst = rezip(Sheets.bytes(wb), Map.of(), t -> t, "xl/sharedStrings.xml", out -> {
            out.write("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">".getBytes(StandardCharsets.UTF_8));
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 9_000; i++) {
                s.setLength(0);
                s.append("<si><t>");
                for (int j = 0; j < 1000; j++) {
                    s.append((char) ('a' + random.nextInt(26)));
                }
                s.append("</t></si>");
                out.write(s.toString().getBytes(StandardCharsets.UTF_8));
            }
            out.write("</sst>".getBytes(StandardCharsets.UTF_8));
        });
        JsonNode problem = fileProblem(sst, Sheets.XLSX, "en", 413);
        assertTrue(problem.get("detail").asText().contains("table of texts"), problem.toString());
    }

    @Test
    void moreRowsThanTheLimit() {
        StringBuilder csv = new StringBuilder("regionId,name,year,level\n");
        for (int i = 0; i <= 5000; i++) {
            csv.append("r").append(i).append(",县").append(i).append(",2023,COUNTY\n");
        }
        JsonNode problem = fileProblem(csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv", "zh-CN", 413);
        assertTrue(problem.get("detail").asText().contains("5000"), problem.toString());
    }

    @Test
    void aCsvSavedByChineseExcelIsReadAsGb18030AndItsBadCellNamed() {
        String csv = "地区代码,地区名称,年份,行政层级,研发经费投入强度（%）\n"
                + "a-1,甲县,2023,县,1.2%\n"
                + "a-2,乙县,2023,县,很高\n";
        JsonNode answer = Sheets.read(Sheets.upload(csv.getBytes(Charset.forName("GB18030")), "text/csv", "zh-CN")
                .then().statusCode(200).extract().asString());
        assertEquals("甲县", answer.at("/results/0/report/region/name").asText());
        assertEquals("E3", answer.at("/results/1/problem/violations/0/cell").asText());
        assertEquals("innovation.rdIntensityPct", answer.at("/results/1/problem/violations/0/field").asText());
    }

    @Test
    void anotherMediaTypeIsUnsupported() {
        given().contentType("application/vnd.ms-excel").body(new byte[] {1, 2, 3}).post(Sheets.BATCH).then().statusCode(415)
                .body("detail", containsString("application/vnd.ms-excel"))
                .body("detail", containsString("text/csv"))
                .body("detail", containsString("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        given().queryParam("lang", "zh-CN").contentType("application/vnd.ms-excel").body(new byte[] {1, 2, 3})
                .post(Sheets.BATCH).then().statusCode(415).body("detail", containsString("另接受工作簿"));
    }

    // ---- zip surgery ------------------------------------------------------------------------------------------

    interface Content {
        void write(OutputStream out) throws IOException;
    }

    private static byte[] rezip(byte[] xlsx, Map<String, byte[]> added, UnaryOperator<String> contentTypes)
            throws IOException {
        return rezip(xlsx, added, contentTypes, null, null);
    }

    /** The workbook with parts added, its content types changed and one part's content replaced. */
    private static byte[] rezip(byte[] xlsx, Map<String, byte[]> added, UnaryOperator<String> contentTypes,
            String replaced, Content replacement) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(replaced)) {
                    replacement.write(out);
                } else if (entry.getName().equals("[Content_Types].xml")) {
                    out.write(contentTypes.apply(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            for (Map.Entry<String, byte[]> e : added.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
