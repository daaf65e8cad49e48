package io.nqpf.advisor.spreadsheets;

import com.fasterxml.jackson.databind.JsonNode;
import io.nqpf.advisor.knowledge.Language;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A batch's overview as CSV (UTF-8 with a byte order mark, so that Excel shows Chinese): one row per region, as the
 * workbook's overview sheet, each written as its report arrives; a refused row carries its problems instead.
 */
public final class ReportCsv {

    private static final String[] HEADS = {"col.regionId", "col.name", "col.year", "col.stage", "col.readiness",
        "col.coverage", "col.verdict", "col.high", "col.medium", "col.low", "col.bottlenecks", "col.maxSeverity",
        "col.measures", "col.ruleset", "col.decision", "col.cell", "col.reason"};

    private final Language lang;
    private final CSVPrinter csv;

    public ReportCsv(Language lang, OutputStream out) throws IOException {
        this.lang = lang;
        OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        this.csv = new CSVPrinter(writer, CSVFormat.RFC4180);
        csv.printRecord(Arrays.stream(HEADS).map(h -> Words.get(lang, h)).toList());
    }

    public void addReport(JsonNode report) {
        List<String> ids = new ArrayList<>();
        int[] levels = new int[3];
        double max = -1;
        for (JsonNode b : report.path("bottlenecks")) {
            String level = b.path("level").asText();
            levels[level.equals("HIGH") ? 0 : level.equals("MEDIUM") ? 1 : 2]++;
            max = Math.max(max, b.path("severity").asDouble());
            ids.add(b.path("id").asText());
        }
        List<String> top = new ArrayList<>();
        for (JsonNode m : report.path("recommendations")) {
            if (top.size() < 3) {
                top.add(m.path("id").asText());
            }
        }
        String stage = report.at("/smartSpecialization/stage").asText("");
        String word = Words.find(lang, "stage." + stage);
        print(report.at("/region/regionId").asText(""), report.at("/region/name").asText(""),
                report.at("/region/year").asText(""), word == null ? stage : word,
                report.at("/smartSpecialization/readiness").asText(""), report.at("/coverage/share").asText(""),
                report.at("/coverage/verdict").asText(""), String.valueOf(levels[0]), String.valueOf(levels[1]),
                String.valueOf(levels[2]), String.join("; ", ids), max < 0 ? "" : String.valueOf(max),
                String.join("; ", top), report.at("/ruleset/version").asText(""), report.path("decisionId").asText(""),
                "", "");
    }

    public void addRefused(int index, String regionId, List<String[]> problems) {
        List<String> cells = problems.stream().map(p -> p[0] == null ? "" : p[0]).toList();
        List<String> reasons = problems.stream().map(p -> (p[1] == null || p[1].isEmpty() ? "" : p[1] + ": ") + p[2]).toList();
        print(regionId == null ? "" : regionId, "", "", "", "", "", "", "", "", "", "", "", "", "", "",
                String.join("; ", cells), String.join("; ", reasons));
    }

    private void print(String... values) {
        try {
            csv.printRecord((Object[]) values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void flush() throws IOException {
        csv.flush();
    }
}
