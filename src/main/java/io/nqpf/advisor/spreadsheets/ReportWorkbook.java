package io.nqpf.advisor.spreadsheets;

import com.fasterxml.jackson.databind.JsonNode;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.report.ReportAssembler;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ComparisonOperator;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A workbook of reports (one, a batch, or the two sides of a comparison), written as the reports arrive with POI's
 * streaming writer, so that only a window of rows per sheet is held: an overview (one row per region: stage,
 * coverage, bottlenecks by severity, top measures), the bottlenecks with each piece of evidence, the measures with
 * rank, score, breakdown, actions and citations, the data gaps with the indicators to collect next, the rows that
 * were refused with their cells, and for a comparison the changes. Every sheet has a frozen header, a filter, the
 * ruleset version and the decision id on each row; severities are shaded by level. Reports are read as the JSON
 * trees the API answers, so a field added to the report needs no change here to keep working, and each number is
 * the API's own.
 */
public final class ReportWorkbook implements AutoCloseable {

    private static final String[] FACTORS = {"NEED", "BREADTH", "OPPORTUNITY", "FIT", "STAGE", "PREREQUISITE", "BOUNDS"};
    private static final int TOP_MEASURES = 3;

    private final Language lang;
    /** Whether this workbook holds reports (the four report sheets) rather than a problem list. */
    private final boolean reports;
    private final SXSSFWorkbook wb = new SXSSFWorkbook(100);
    private final CellStyle header;
    private final CellStyle wrap;
    private final CellStyle decimal;
    private final CellStyle percent;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private String rulesetVersion;
    private String rulesetSha;
    private int evaluated;
    private int refused;

    public ReportWorkbook(Language lang) {
        this(lang, true);
    }

    private ReportWorkbook(Language lang, boolean reports) {
        this.lang = lang;
        this.reports = reports;
        wb.setCompressTempFiles(true);
        Font bold = wb.createFont();
        bold.setBold(true);
        header = wb.createCellStyle();
        header.setFont(bold);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.TOP);
        header.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        wrap = wb.createCellStyle();
        wrap.setWrapText(true);
        wrap.setVerticalAlignment(VerticalAlignment.TOP);
        decimal = wb.createCellStyle();
        decimal.setDataFormat(wb.createDataFormat().getFormat("0.00#"));
        decimal.setVerticalAlignment(VerticalAlignment.TOP);
        percent = wb.createCellStyle();
        percent.setDataFormat(wb.createDataFormat().getFormat("0%"));
        percent.setVerticalAlignment(VerticalAlignment.TOP);
        if (reports) {
            overview();
            bottleneckSheet();
            measures();
            gaps();
        }
    }

    /**
     * A region's problem list (问题清单, the JSON tree of {@code GET /api/v1/regions/{regionId}/problems}) as a
     * workbook: one row per problem with its state, the years it was first and last seen, its severity in each saved
     * year (the latest shaded by level), the values that closed it and the measures last recommended.
     */
    public static ReportWorkbook problemList(Language lang, JsonNode list) {
        ReportWorkbook workbook = new ReportWorkbook(lang, false);
        List<String> years = new ArrayList<>();
        list.path("years").forEach(y -> years.add(y.asText()));
        List<String> titles = new ArrayList<>();
        for (String key : new String[] {"col.regionId", "col.name", "col.bottleneck", "col.title", "col.state",
            "col.firstSeen", "col.lastSeen"}) {
            titles.add(Words.get(lang, key));
        }
        years.forEach(y -> titles.add(Words.get(lang, "col.severityIn", y)));
        titles.add(Words.get(lang, "col.resolvedBy"));
        titles.add(Words.get(lang, "col.measuresLatest"));
        int[] widths = new int[titles.size()];
        java.util.Arrays.fill(widths, 10);
        widths[0] = 16;
        widths[1] = 24;
        widths[2] = 22;
        widths[3] = 36;
        widths[4] = 14;
        widths[widths.length - 2] = 60;
        widths[widths.length - 1] = 60;
        Table table = workbook.tables.computeIfAbsent("sheet.problemList",
                k -> workbook.new Table(workbook.wb.createSheet(Words.get(lang, k)), titles.toArray(String[]::new), widths));
        if (!years.isEmpty()) {
            table.severity(6 + years.size(), -1);
        }
        String id = list.path("regionId").asText(null);
        String name = list.path("regionName").asText(null);
        String latest = years.isEmpty() ? null : years.get(years.size() - 1);
        for (JsonNode p : list.path("problems")) {
            List<Object> row = new ArrayList<>(List.of(id, name == null ? "" : name, p.path("id").asText(),
                    p.path("title").asText(), workbook.word("state.", p.path("state").asText(null)),
                    p.path("firstSeen").asLong(), p.path("lastSeen").asLong()));
            years.forEach(y -> row.add(number(p.at("/severityByYear/" + y))));
            List<String> changes = new ArrayList<>();
            for (JsonNode v : p.path("resolvedBy")) {
                Object after = workbook.value(v.path("after"));
                changes.add(v.path("label").asText(v.path("indicator").asText()) + ": "
                        + workbook.value(v.path("before")) + " (" + v.path("beforeYear").asText() + ") → "
                        + (after == null ? Words.get(lang, "value.missing") : after) + " (" + v.path("afterYear").asText() + ")");
            }
            row.add(changes.isEmpty() ? null : String.join("\n", changes));
            List<String> measures = new ArrayList<>();
            String measuresYear = p.path("lastSeen").asText(latest);
            p.at("/measuresByYear/" + measuresYear).forEach(m -> measures.add(m.path("rank").asText() + ". "
                    + m.path("title").asText() + " (" + m.path("id").asText() + ")"));
            row.add(measures.isEmpty() ? null : String.join("\n", measures));
            table.add(row.toArray());
        }
        Table about = workbook.table("sheet.about", new String[] {"col.key", "col.about"}, new int[] {28, 100});
        about.add(Words.get(lang, "about.language"), lang.tag());
        about.add(Words.get(lang, "col.regionId"), id);
        list.path("assessments").fields().forEachRemaining(e -> about.add(Words.get(lang, "about.assessment", e.getKey()),
                e.getValue().asText()));
        about.add(Words.get(lang, "about.written"), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        about.add("", Words.get(lang, "about.problemList"));
        return workbook;
    }

    /** One region's full report (its JSON tree): a row in the overview and its rows in the other sheets. */
    public void addReport(JsonNode report) {
        evaluated++;
        ruleset(report.path("ruleset"));
        String id = report.at("/region/regionId").asText(null);
        String name = report.at("/region/name").asText(null);
        String decision = report.path("decisionId").asText(null);
        String version = report.at("/ruleset/version").asText(null);
        JsonNode bottlenecks = report.path("bottlenecks");
        int[] levels = new int[3];
        double max = 0;
        List<String> named = new ArrayList<>();
        for (JsonNode b : bottlenecks) {
            String level = b.path("level").asText();
            levels[level.equals("HIGH") ? 0 : level.equals("MEDIUM") ? 1 : 2]++;
            max = Math.max(max, b.path("severity").asDouble());
            named.add(b.path("id").asText() + " " + b.path("title").asText() + " (" + b.path("severity").asText() + ")");
        }
        List<String> top = new ArrayList<>();
        for (JsonNode m : report.path("recommendations")) {
            if (top.size() < TOP_MEASURES) {
                top.add(m.path("rank").asText() + ". " + m.path("title").asText() + " (" + m.path("score").asText() + ")");
            }
        }
        JsonNode ss = report.path("smartSpecialization");
        overview().add(id, name, number(report.at("/region/year")), stage(ss.path("stage").asText(null)),
                number(ss.path("readiness")), new Percent(report.at("/coverage/share")),
                word("verdict.", report.at("/coverage/verdict").asText(null)), levels[0], levels[1], levels[2],
                String.join("\n", named), bottlenecks.isEmpty() ? null : max, String.join("\n", top), version, decision);

        for (JsonNode b : bottlenecks) {
            JsonNode evidence = b.path("evidence");
            List<JsonNode> items = evidence.isEmpty() ? java.util.Collections.singletonList(null)
                    : StreamSupport.stream(evidence.spliterator(), false).toList();
            for (JsonNode e : items) {
                bottleneckSheet().add(id, name, b.path("id").asText(), b.path("title").asText(),
                        b.path("severity").asDouble(), word("level.", b.path("level").asText(null)),
                        text(b.path("certainty")), e == null ? null : text(e.path("indicator")),
                        e == null ? null : text(e.path("label")), e == null ? null : value(e.path("value")),
                        e == null ? null : text(e.path("comparison")), e == null ? null : value(e.path("threshold")),
                        e == null ? null : number(e.path("valueYear")), e == null ? null : number(e.path("benchmarkYear")),
                        e == null ? null : text(e.path("reference")), text(b.path("rule")), version, decision);
            }
        }
        for (JsonNode m : report.path("recommendations")) {
            double[] byKind = new double[FACTORS.length];
            List<String> breakdown = new ArrayList<>();
            for (JsonNode f : m.path("scoreBreakdown")) {
                breakdown.add(f.path("factor").asText() + ": " + f.path("points").asText());
                int k = java.util.Arrays.asList(FACTORS).indexOf(f.path("kind").asText());
                if (k >= 0) {
                    byKind[k] += f.path("points").asDouble();
                }
            }
            List<Object> row = new ArrayList<>(List.of(id, name, m.path("rank").asInt(), m.path("id").asText(),
                    m.path("title").asText(), m.path("score").asDouble(), String.join("\n", breakdown)));
            for (double points : byKind) {
                row.add(Math.round(points * 1000) / 1000.0);
            }
            row.add(joined(m.path("addresses"), ", "));
            row.add(joined(m.path("actions"), "\n"));
            row.add(text(m.path("explanation")));
            List<String> citations = new ArrayList<>();
            m.path("sources").forEach(s -> citations.add(s.hasNonNull("citation") ? s.get("citation").asText()
                    : s.path("document").asText() + " " + s.path("section").asText() + " " + s.path("quote").asText()));
            row.add(String.join("\n", citations));
            row.add(version);
            row.add(decision);
            measures().add(row.toArray());
        }
        Map<String, String> next = new LinkedHashMap<>();
        report.path("nextIndicators").forEach(n -> next.put(n.path("indicator").asText(), n.path("reason").asText()));
        for (JsonNode g : report.path("dataGaps")) {
            String indicator = g.path("indicator").asText();
            gaps().add(id, name, number(g.path("rank")), indicator, text(g.path("label")), number(g.path("leverage")),
                    joined(g.path("couldReveal"), ", "), joined(g.path("revealsAlone"), ", "),
                    g.has("decidesStage") ? Words.get(lang, g.path("decidesStage").asBoolean() ? "value.yes" : "value.no") : null,
                    joined(g.path("neededBy"), ", "), next.get(indicator), version, decision);
        }
    }

    /** A row of the upload that was not evaluated: each of its problems with cell, field and reason. */
    public void addRefused(int index, String regionId, List<String[]> problems) {
        refused++;
        for (String[] p : problems) {
            problems().add(index + 1, regionId, p[0], p[1], p[2], rulesetVersion);
        }
    }

    /** A comparison (its JSON tree): one row per change. */
    public void addComparison(JsonNode comparison) {
        ruleset(comparison.path("ruleset"));
        String version = comparison.at("/ruleset/version").asText(null);
        for (String kind : List.of("resolved", "new", "persisting", "becameObservable", "noLongerObservable")) {
            for (JsonNode b : comparison.path(kind)) {
                comparisonSheet().add(Words.get(lang, "change." + kind), b.path("id").asText(), text(b.path("title")),
                        number(b.path("severityBefore")), number(b.path("severityAfter")), number(b.path("delta")),
                        joined(b.path("causedBy"), ", "), version);
            }
        }
        for (JsonNode m : comparison.path("rankMoves")) {
            comparisonSheet().add(Words.get(lang, "change.rankMove"), m.path("id").asText(), text(m.path("title")),
                    number(m.path("rankBefore")), number(m.path("rankAfter")), number(m.path("move")), null, version);
        }
        for (JsonNode i : comparison.path("indicatorChanges")) {
            comparisonSheet().add(Words.get(lang, "change.indicator"), i.path("indicator").asText(), text(i.path("label")),
                    value(i.path("before")), value(i.path("after")), null, joined(i.path("affects"), ", "), version);
        }
        for (String kind : List.of("newlyObserved", "noLongerObserved")) {
            for (JsonNode o : comparison.path(kind)) {
                boolean after = kind.equals("newlyObserved");
                comparisonSheet().add(Words.get(lang, "change." + kind), o.path("indicator").asText(), text(o.path("label")),
                        after ? null : value(o.path("value")), after ? value(o.path("value")) : null, null,
                        joined(o.path("bottlenecks"), ", "), version);
            }
        }
    }

    /** Finishes every sheet (filters, shading, the about sheet) and writes the workbook. */
    public void write(OutputStream out) throws IOException {
        if (!reports) {
            finishAndWrite(out);
            return;
        }
        overview();
        bottleneckSheet();
        measures();
        gaps();
        Table about = table("sheet.about", new String[] {"col.key", "col.about"}, new int[] {28, 100});
        about.add(Words.get(lang, "about.language"), lang.tag());
        about.add(Words.get(lang, "about.ruleset"), rulesetVersion);
        about.add(Words.get(lang, "about.sha256"), rulesetSha);
        about.add(Words.get(lang, "about.written"), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        about.add(Words.get(lang, "about.regions"), evaluated);
        about.add(Words.get(lang, "about.refused"), refused);
        about.add("", Words.get(lang, "about.sheets", Words.get(lang, "sheet.overview"), Words.get(lang, "sheet.bottlenecks"),
                Words.get(lang, "sheet.measures"), Words.get(lang, "sheet.gaps")));
        about.add("", Words.get(lang, "about.numbers"));
        if (tables.containsKey("sheet.comparison")) {
            wb.setSheetOrder(Words.get(lang, "sheet.comparison"), 0);
            wb.setActiveSheet(0);
        }
        finishAndWrite(out);
    }

    private void finishAndWrite(OutputStream out) throws IOException {
        for (Table t : tables.values()) {
            t.finish();
        }
        wb.write(out);
    }

    @Override
    public void close() throws IOException {
        wb.close();
    }

    // ---- the sheets ---------------------------------------------------------------------------------------------

    private Table overview() {
        Table t = table("sheet.overview", new String[] {"col.regionId", "col.name", "col.year", "col.stage",
            "col.readiness", "col.coverage", "col.verdict", "col.high", "col.medium", "col.low", "col.bottlenecks",
            "col.maxSeverity", "col.measures", "col.ruleset", "col.decision"},
                new int[] {16, 28, 8, 24, 12, 12, 12, 6, 6, 6, 60, 12, 50, 28, 38});
        t.severity(11, -1);
        return t;
    }

    private Table bottleneckSheet() {
        Table t = table("sheet.bottlenecks", new String[] {"col.regionId", "col.name", "col.bottleneck", "col.title",
            "col.severity", "col.level", "col.certainty", "col.indicator", "col.label", "col.value", "col.comparison",
            "col.threshold", "col.valueYear", "col.benchmarkYear", "col.reference", "col.rule", "col.ruleset",
            "col.decision"}, new int[] {16, 24, 22, 30, 10, 8, 12, 32, 24, 12, 8, 12, 10, 10, 50, 28, 28, 38});
        t.severity(4, 5);
        return t;
    }

    private Table measures() {
        List<String> heads = new ArrayList<>(List.of("col.regionId", "col.name", "col.rank", "col.measure",
                "col.title", "col.score", "col.breakdown"));
        for (String f : FACTORS) {
            heads.add("factor." + f);
        }
        heads.addAll(List.of("col.addresses", "col.actions", "col.explanation", "col.citations", "col.ruleset",
                "col.decision"));
        int[] widths = new int[heads.size()];
        java.util.Arrays.fill(widths, 10);
        widths[0] = 16;
        widths[1] = 24;
        widths[3] = 22;
        widths[4] = 30;
        widths[6] = 40;
        int after = 7 + FACTORS.length;
        widths[after] = 24;
        widths[after + 1] = 60;
        widths[after + 2] = 60;
        widths[after + 3] = 60;
        widths[after + 4] = 28;
        widths[after + 5] = 38;
        return table("sheet.measures", heads.toArray(String[]::new), widths);
    }

    private Table gaps() {
        return table("sheet.gaps", new String[] {"col.regionId", "col.name", "col.rank", "col.indicator", "col.label",
            "col.leverage", "col.couldReveal", "col.revealsAlone", "col.decidesStage", "col.neededBy", "col.next",
            "col.ruleset", "col.decision"}, new int[] {16, 24, 6, 32, 24, 10, 30, 30, 10, 40, 50, 28, 38});
    }

    private Table problems() {
        return table("sheet.problems", new String[] {"col.index", "col.regionId", "col.cell", "col.field", "col.reason",
            "col.ruleset"}, new int[] {8, 16, 14, 32, 80, 28});
    }

    private Table comparisonSheet() {
        Table t = table("sheet.comparison", new String[] {"col.kind", "col.key", "col.title", "col.before", "col.after",
            "col.delta", "col.causedBy", "col.ruleset"}, new int[] {16, 32, 36, 12, 12, 12, 40, 28});
        return t;
    }

    private Table table(String sheetKey, String[] heads, int[] widths) {
        return tables.computeIfAbsent(sheetKey, k -> new Table(wb.createSheet(Words.get(lang, k)),
                java.util.Arrays.stream(heads).map(h -> Words.get(lang, h)).toArray(String[]::new), widths));
    }

    // ---- values -------------------------------------------------------------------------------------------------

    /** A share shown as a percentage; its value stays the API's 0..1. */
    private record Percent(JsonNode value) {
    }

    private void ruleset(JsonNode ruleset) {
        if (rulesetVersion == null && ruleset.hasNonNull("version")) {
            rulesetVersion = ruleset.get("version").asText();
            rulesetSha = ruleset.path("sha256").asText(null);
        }
    }

    private String stage(String code) {
        return code == null ? null : word("stage.", code);
    }

    private String word(String prefix, String code) {
        if (code == null) {
            return null;
        }
        String word = Words.find(lang, prefix + code);
        return word == null ? code : word;
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    private static Object number(JsonNode node) {
        return node == null || !node.isNumber() ? null : node.isIntegralNumber() ? (Object) node.asLong() : node.asDouble();
    }

    /** A value of evidence: number, yes/no, category or text. */
    private Object value(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isBoolean()) {
            return Words.get(lang, node.asBoolean() ? "value.yes" : "value.no");
        }
        return node.isTextual() ? node.asText() : node.toString();
    }

    private static String joined(JsonNode array, String separator) {
        if (array == null || !array.isArray() || array.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        array.forEach(a -> parts.add(a.asText()));
        return String.join(separator, parts);
    }

    /** One sheet: a header row, frozen, rows appended, a filter and shading when finished. */
    private final class Table {
        private final SXSSFSheet sheet;
        private final int columns;
        private int next = 1;
        private int severityColumn = -1;
        private int levelColumn = -1;

        /** @param heads the header texts, already in the workbook's language */
        Table(SXSSFSheet sheet, String[] heads, int[] widths) {
            this.sheet = sheet;
            this.columns = heads.length;
            Row row = sheet.createRow(0);
            row.setHeightInPoints(32);
            for (int c = 0; c < heads.length; c++) {
                Cell cell = row.createCell(c);
                cell.setCellValue(heads[c]);
                cell.setCellStyle(header);
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            sheet.createFreezePane(2, 1);
        }

        void severity(int column, int level) {
            severityColumn = column;
            levelColumn = level;
        }

        void add(Object... values) {
            Row row = sheet.createRow(next++);
            for (int c = 0; c < values.length; c++) {
                Object v = values[c];
                if (v == null) {
                    continue;
                }
                Cell cell = row.createCell(c);
                if (v instanceof Percent p) {
                    if (p.value().isNumber()) {
                        cell.setCellValue(p.value().asDouble());
                        cell.setCellStyle(percent);
                    }
                } else if (v instanceof Double d) {
                    cell.setCellValue(d);
                    cell.setCellStyle(decimal);
                } else if (v instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else {
                    String s = v.toString();
                    cell.setCellValue(s.length() > OfficeValues.MAX_TEXT ? s.substring(0, OfficeValues.MAX_TEXT) : s);
                    if (s.indexOf('\n') >= 0 || s.length() > 40) {
                        cell.setCellStyle(wrap);
                    }
                }
            }
        }

        void finish() {
            int last = Math.max(next - 1, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, last, 0, columns - 1));
            if (severityColumn >= 0) {
                SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
                ConditionalFormattingRule high = formatting.createConditionalFormattingRule(
                        ComparisonOperator.GE, String.valueOf(ReportAssembler.HIGH));
                fill(high, IndexedColors.ROSE);
                ConditionalFormattingRule medium = formatting.createConditionalFormattingRule(
                        ComparisonOperator.BETWEEN, String.valueOf(ReportAssembler.MEDIUM), String.valueOf(ReportAssembler.HIGH));
                fill(medium, IndexedColors.LIGHT_ORANGE);
                ConditionalFormattingRule low = formatting.createConditionalFormattingRule(
                        ComparisonOperator.LT, String.valueOf(ReportAssembler.MEDIUM));
                fill(low, IndexedColors.LIGHT_YELLOW);
                List<CellRangeAddress> ranges = new ArrayList<>();
                ranges.add(new CellRangeAddress(1, last, severityColumn, severityColumn));
                formatting.addConditionalFormatting(ranges.toArray(CellRangeAddress[]::new),
                        new ConditionalFormattingRule[] {high, medium, low});
                if (levelColumn >= 0) {
                    String cell = RawCell.letters(levelColumn) + "2";
                    ConditionalFormattingRule[] byLevel = new ConditionalFormattingRule[3];
                    IndexedColors[] colors = {IndexedColors.ROSE, IndexedColors.LIGHT_ORANGE, IndexedColors.LIGHT_YELLOW};
                    String[] levels = {"HIGH", "MEDIUM", "LOW"};
                    for (int i = 0; i < 3; i++) {
                        byLevel[i] = formatting.createConditionalFormattingRule(
                                cell + "=\"" + word("level.", levels[i]).replace("\"", "\"\"") + "\"");
                        fill(byLevel[i], colors[i]);
                    }
                    formatting.addConditionalFormatting(new CellRangeAddress[] {
                        new CellRangeAddress(1, last, levelColumn, levelColumn)}, byLevel);
                }
            }
        }

        private void fill(ConditionalFormattingRule rule, IndexedColors color) {
            PatternFormatting pattern = rule.createPatternFormatting();
            pattern.setFillBackgroundColor(color.getIndex());
            pattern.setFillPattern(PatternFormatting.SOLID_FOREGROUND);
        }
    }
}
