package io.nqpf.advisor.spreadsheets;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Helpers of the spreadsheet tests: the template from the API, cells by field path, uploads, reports compared. */
final class Sheets {

    static final String XLSX = SheetUpload.XLSX;
    static final String BATCH = "/api/v1/recommendations/batch";
    static final ObjectMapper JSON = new ObjectMapper();

    private Sheets() {
    }

    /** The template workbook as the API serves it. */
    static XSSFWorkbook template(String lang) {
        byte[] bytes = given().queryParam("lang", lang).get("/api/v1/spreadsheets/template").then().statusCode(200)
                .contentType(XLSX).extract().asByteArray();
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Column index by the field path in row 2 of the sheet. */
    static Map<String, Integer> columns(Sheet sheet) {
        Map<String, Integer> columns = new HashMap<>();
        for (Cell cell : sheet.getRow(1)) {
            columns.put(cell.getStringCellValue(), cell.getColumnIndex());
        }
        return columns;
    }

    /**
     * A new, empty cell in place of the cell of a column: POI, asked to change a cell the streaming writer wrote as an
     * inline string, keeps the old text beside the new one, which no office program would write.
     */
    static Cell cell(Sheet sheet, int row, Map<String, Integer> columns, String path) {
        Integer c = columns.get(path);
        if (c == null) {
            throw new IllegalArgumentException("no column " + path);
        }
        return cell(sheet, row, c);
    }

    static Cell cell(Sheet sheet, int row, int column) {
        Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
        if (r.getCell(column) != null) {
            r.removeCell(r.getCell(column));
        }
        return r.createCell(column);
    }

    static byte[] bytes(XSSFWorkbook wb) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Response upload(byte[] body, String type, String lang) {
        return given().contentType(type).queryParam("lang", lang).body(body).post(BATCH);
    }

    /** The JSON batch answer of these profiles, for the reports a sheet must give alike. */
    static JsonNode jsonBatch(List<JsonNode> profiles, String lang) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("profiles").addAll(profiles);
        return read(given().contentType("application/json").queryParam("lang", lang).body(body.toString()).post(BATCH)
                .then().statusCode(200).extract().asString());
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A report without what differs between two evaluations of the same profile: its decision id and time. */
    static JsonNode stable(JsonNode report) {
        ObjectNode copy = report.deepCopy();
        copy.remove("decisionId");
        copy.remove("evaluatedAt");
        return copy;
    }

    /** Where two JSON values first differ, as a pointer with both values; empty when they are equal. */
    static String difference(JsonNode expected, JsonNode actual, String at) {
        if (expected.equals(actual)) {
            return "";
        }
        if (expected.isObject() && actual.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String d = difference(expected.path(name), actual.path(name), at + "/" + name);
                if (!d.isEmpty()) {
                    return d;
                }
            }
        }
        if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                String d = difference(expected.get(i), actual.get(i), at + "/" + i);
                if (!d.isEmpty()) {
                    return d;
                }
            }
        }
        String e = expected.toString();
        String a = actual.toString();
        return at + ": expected " + e.substring(0, Math.min(300, e.length())) + " but was "
                + a.substring(0, Math.min(300, a.length()));
    }

    static Iterator<JsonNode> iterator(List<JsonNode> nodes) {
        return new ArrayList<>(nodes).iterator();
    }
}
