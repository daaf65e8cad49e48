package io.nqpf.advisor.spreadsheets;

import com.fasterxml.jackson.databind.JsonNode;
import io.nqpf.advisor.engine.Ruleset;
import io.nqpf.advisor.knowledge.Catalog;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.report.IndicatorDictionary;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The template of the region sheet, generated from the profile's definition ({@link SheetColumns}) and the data
 * dictionary of the active ruleset ({@link IndicatorDictionary}): one row per region, one column per field with its
 * label and unit, the field paths in a second header row, a note on each header with the definition, official
 * source and formula, data validation of categories, yes/no values and ranges, a year and a source column beside
 * each value where the profile has them, a frozen header, widths to fit; then the instructions and the dictionary.
 * The same writer fills rows with profiles (the round-trip test and the benchmark use it). The CSV form holds the
 * two header rows and the rows, UTF-8 with a byte order mark.
 */
public final class TemplateWriter {

    /** Rows of the region sheet that carry data validation: as many as an upload may have. */
    private final int validatedRows;
    private final Ruleset ruleset;
    private final Catalog catalog;
    private final Language lang;

    public TemplateWriter(Ruleset ruleset, Language lang, int validatedRows) {
        this.ruleset = ruleset;
        this.catalog = ruleset.catalog();
        this.lang = lang;
        this.validatedRows = validatedRows;
    }

    /** The workbook, with one row per profile (JSON bodies, as a request would send them). */
    public void xlsx(Iterator<JsonNode> profiles, OutputStream out) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        wb.setCompressTempFiles(true);
        try {
            Styles styles = new Styles(wb);
            List<SheetColumn> columns = SheetColumns.all();
            SXSSFSheet regions = wb.createSheet(Words.get(lang, "sheet.regions"));
            SXSSFSheet readme = wb.createSheet(Words.get(lang, "sheet.readme"));
            SXSSFSheet dictionary = wb.createSheet(Words.get(lang, "sheet.dictionary"));
            SXSSFSheet lists = wb.createSheet(Words.get(lang, "sheet.lists"));
            Map<String, IndicatorDictionary.Entry> entries = IndicatorDictionary.entries(ruleset, lang).stream()
                    .collect(Collectors.toMap(IndicatorDictionary.Entry::indicator, Function.identity()));
            Map<String, String> listRanges = lists(lists, columns);
            wb.setSheetVisibility(wb.getSheetIndex(lists), SheetVisibility.HIDDEN);
            headers(regions, columns, entries, styles);
            validation(regions, columns, listRanges);
            int r = 2;
            while (profiles.hasNext()) {
                JsonNode profile = profiles.next();
                Row row = regions.createRow(r++);
                for (int c = 0; c < columns.size(); c++) {
                    write(row, c, value(profile, columns.get(c)), columns.get(c));
                }
            }
            readme(readme, styles);
            dictionary(dictionary, columns, entries, styles);
            wb.setActiveSheet(0);
            wb.write(out);
        } finally {
            wb.close();
        }
    }

    /** The CSV form: the two header rows (labels, then field paths) and one row per profile. */
    public void csv(Iterator<JsonNode> profiles, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180);
        List<SheetColumn> columns = SheetColumns.all();
        csv.printRecord(columns.stream().map(c -> SheetColumns.header(c, catalog, lang)).toList());
        csv.printRecord(columns.stream().map(SheetColumn::path).toList());
        while (profiles.hasNext()) {
            JsonNode profile = profiles.next();
            List<String> cells = new ArrayList<>();
            for (SheetColumn column : columns) {
                Object value = value(profile, column);
                cells.add(value == null ? "" : value instanceof BigDecimal n ? n.toPlainString() : String.valueOf(value));
            }
            csv.printRecord(cells);
        }
        csv.flush();
    }

    /** The value of a column in a profile as the sheet shows it: a number, a label, a text; null when absent. */
    private Object value(JsonNode profile, SheetColumn column) {
        JsonNode node = switch (column.role()) {
            case YEAR -> profile.path(SheetColumn.AS_OF).path(column.field());
            case SOURCE -> profile.path(SheetColumn.SOURCES).path(column.field());
            case VALUE -> profile.at("/" + column.path().replace('.', '/'));
        };
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return OfficeValues.booleanLabel(node.asBoolean(), lang);
        }
        if (node.isNumber()) {
            return node.decimalValue().stripTrailingZeros();
        }
        if (column.kind() == SheetColumn.Kind.ENUM) {
            return OfficeValues.categoryLabel(catalog, column.field(), node.asText(), lang);
        }
        return node.asText();
    }

    private static void write(Row row, int c, Object value, SheetColumn column) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(c);
        if (value instanceof BigDecimal n && column.kind() != SheetColumn.Kind.TEXT) {
            cell.setCellValue(n.doubleValue());
        } else {
            cell.setCellValue(value instanceof BigDecimal n ? n.toPlainString() : value.toString());
        }
    }

    private void headers(SXSSFSheet sheet, List<SheetColumn> columns, Map<String, IndicatorDictionary.Entry> entries,
            Styles styles) {
        Row labels = sheet.createRow(0);
        labels.setHeightInPoints(48);
        Row paths = sheet.createRow(1);
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        CreationHelper factory = sheet.getWorkbook().getCreationHelper();
        for (int c = 0; c < columns.size(); c++) {
            SheetColumn column = columns.get(c);
            String header = SheetColumns.header(column, catalog, lang);
            Cell label = labels.createCell(c);
            label.setCellValue(header);
            label.setCellStyle(column.role() == SheetColumn.Role.VALUE
                    ? column.required() ? styles.required : styles.header : styles.secondary);
            Cell path = paths.createCell(c);
            path.setCellValue(column.path());
            path.setCellStyle(styles.path);
            ClientAnchor anchor = factory.createClientAnchor();
            anchor.setCol1(c);
            anchor.setCol2(c + 4);
            anchor.setRow1(0);
            anchor.setRow2(12);
            Comment comment = drawing.createCellComment(anchor);
            comment.setString(factory.createRichTextString(note(column, entries.get(column.field()))));
            comment.setAuthor("nqpf-advisor");
            label.setCellComment(comment);
            int width = Math.max(displayWidth(header) / 2 + 2, column.role() == SheetColumn.Role.VALUE ? 12 : 10);
            sheet.setColumnWidth(c, Math.min(column.role() == SheetColumn.Role.SOURCE ? 24 : 30, width) * 256);
        }
        sheet.createFreezePane(2, 2);
    }

    /** The note of a header: what the value is, where it comes from, how it is computed, what it may be. */
    private String note(SheetColumn column, IndicatorDictionary.Entry entry) {
        List<String> lines = new ArrayList<>();
        lines.add(SheetColumns.header(column, catalog, lang));
        if (column.role() == SheetColumn.Role.YEAR) {
            lines.add(Words.get(lang, "note.year-of"));
        } else if (column.role() == SheetColumn.Role.SOURCE) {
            lines.add(Words.get(lang, "note.source-of"));
        } else {
            String own = Words.find(lang, "note." + column.path());
            if (own != null) {
                lines.add(own);
            } else if (column.required()) {
                lines.add(Words.get(lang, "note.required"));
            }
            if (entry != null) {
                add(lines, "note.official", entry.officialName());
                add(lines, "note.definition", entry.definition());
                add(lines, "note.source", entry.source());
                add(lines, "note.formula", entry.formula());
                add(lines, "note.note", entry.note());
                add(lines, "note.unit", entry.unit());
            }
            String values = values(column);
            if (values != null) {
                lines.add(Words.get(lang, "note.values", values));
            }
            String range = range(column);
            if (range != null) {
                lines.add(range);
            }
            if (column.percent()) {
                lines.add(Words.get(lang, "note.percent"));
            }
        }
        lines.add(Words.get(lang, "note.field", column.path()));
        return String.join("\n", lines);
    }

    private void add(List<String> lines, String key, String text) {
        if (text != null && !text.isBlank()) {
            lines.add(Words.get(lang, key, text));
        }
    }

    /** The values a category or yes/no column takes, as the sheet shows them. */
    private String values(SheetColumn column) {
        return switch (column.kind()) {
            case ENUM -> String.join(", ", labels(column));
            case BOOLEAN -> OfficeValues.booleanLabel(true, lang) + ", " + OfficeValues.booleanLabel(false, lang);
            default -> null;
        };
    }

    private List<String> labels(SheetColumn column) {
        return column.values().stream().map(v -> OfficeValues.categoryLabel(catalog, column.field(), v, lang)).toList();
    }

    private String range(SheetColumn column) {
        if (!column.numeric() || column.min() == null) {
            return column.kind() == SheetColumn.Kind.WHOLE_NUMBER ? Words.get(lang, "note.whole") : null;
        }
        return column.max() == null ? Words.get(lang, "note.min", number(column.min()))
                : Words.get(lang, "note.range", number(column.min()), number(column.max()));
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** The category lists on the hidden sheet, one column each; the range of each list by field. */
    private Map<String, String> lists(SXSSFSheet sheet, List<SheetColumn> columns) {
        List<SheetColumn> categories = columns.stream().filter(c -> c.kind() == SheetColumn.Kind.ENUM).toList();
        int longest = categories.stream().mapToInt(c -> c.values().size()).max().orElse(0);
        for (int r = 0; r < longest; r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < categories.size(); c++) {
                List<String> labels = labels(categories.get(c));
                if (r < labels.size()) {
                    row.createCell(c).setCellValue(labels.get(r));
                }
            }
        }
        Map<String, String> ranges = new java.util.HashMap<>();
        for (int c = 0; c < categories.size(); c++) {
            String col = RawCell.letters(c);
            ranges.put(categories.get(c).field(), XlsxRows.quoted(sheet.getSheetName()) + "!$" + col + "$1:$" + col
                    + "$" + categories.get(c).values().size());
        }
        return ranges;
    }

    private void validation(SXSSFSheet sheet, List<SheetColumn> columns, Map<String, String> listRanges) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        for (int c = 0; c < columns.size(); c++) {
            SheetColumn column = columns.get(c);
            DataValidationConstraint constraint;
            String message;
            switch (column.kind()) {
                case ENUM -> {
                    constraint = helper.createFormulaListConstraint(listRanges.get(column.field()));
                    message = Words.get(lang, "validation.list");
                }
                case BOOLEAN -> {
                    constraint = helper.createExplicitListConstraint(new String[] {
                            OfficeValues.booleanLabel(true, lang), OfficeValues.booleanLabel(false, lang)});
                    message = Words.get(lang, "validation.list");
                }
                case NUMBER, WHOLE_NUMBER -> {
                    if (column.min() == null) {
                        continue;
                    }
                    int type = column.kind() == SheetColumn.Kind.WHOLE_NUMBER
                            ? DataValidationConstraint.ValidationType.INTEGER : DataValidationConstraint.ValidationType.DECIMAL;
                    if (column.max() == null) {
                        constraint = helper.createNumericConstraint(type,
                                DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, number(column.min()), null);
                        message = Words.get(lang, "validation.min", number(column.min()));
                    } else {
                        constraint = helper.createNumericConstraint(type, DataValidationConstraint.OperatorType.BETWEEN,
                                number(column.min()), number(column.max()));
                        message = Words.get(lang, column.kind() == SheetColumn.Kind.WHOLE_NUMBER
                                ? "validation.whole" : "validation.range", number(column.min()), number(column.max()));
                    }
                }
                default -> {
                    continue;
                }
            }
            DataValidation rule = helper.createValidation(constraint,
                    new CellRangeAddressList(2, 1 + validatedRows, c, c));
            // a warning, not a stop: an office may type 1.57万 or 15.3% into a number column, which the service reads
            rule.setErrorStyle(DataValidation.ErrorStyle.WARNING);
            rule.createErrorBox(Words.get(lang, "validation.title"), message);
            rule.setShowErrorBox(true);
            rule.setEmptyCellAllowed(true);
            if (constraint.getValidationType() == DataValidationConstraint.ValidationType.LIST) {
                rule.setSuppressDropDownArrow(true); // in XSSF, true shows the arrow
            }
            sheet.addValidationData(rule);
        }
    }

    private void readme(SXSSFSheet sheet, Styles styles) {
        String regions = Words.get(lang, "sheet.regions");
        String[] lines = {
            Words.get(lang, "readme.title"),
            "",
            "1. " + Words.get(lang, "readme.1", regions),
            "2. " + Words.get(lang, "readme.2"),
            "3. " + Words.get(lang, "readme.3"),
            "4. " + Words.get(lang, "readme.4"),
            "5. " + Words.get(lang, "readme.5"),
            "6. " + Words.get(lang, "readme.6"),
            "7. " + Words.get(lang, "readme.7", Words.get(lang, "sheet.dictionary")),
            "8. " + Words.get(lang, "readme.8", null, SheetUpload.XLSX, XlsxRows.quoted(regions)),
            "",
            Words.get(lang, "readme.ruleset", ruleset.version(), Instant.now().truncatedTo(ChronoUnit.SECONDS)),
        };
        sheet.setColumnWidth(0, 120 * 256);
        for (int r = 0; r < lines.length; r++) {
            Row row = sheet.createRow(r);
            Cell cell = row.createCell(0);
            cell.setCellValue(lines[r]);
            cell.setCellStyle(r == 0 ? styles.title : styles.wrap);
        }
    }

    private void dictionary(SXSSFSheet sheet, List<SheetColumn> columns, Map<String, IndicatorDictionary.Entry> entries,
            Styles styles) {
        String[] heads = {"dict.path", "dict.label", "dict.unit", "dict.kind", "dict.values", "dict.range",
            "dict.official", "dict.definition", "dict.source", "dict.formula", "dict.note", "dict.usedBy"};
        int[] widths = {34, 28, 12, 12, 30, 18, 28, 50, 40, 40, 40, 24};
        Row head = sheet.createRow(0);
        for (int c = 0; c < heads.length; c++) {
            Cell cell = head.createCell(c);
            cell.setCellValue(Words.get(lang, heads[c]));
            cell.setCellStyle(styles.header);
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        int r = 1;
        for (SheetColumn column : columns) {
            if (column.role() != SheetColumn.Role.VALUE) {
                continue;
            }
            IndicatorDictionary.Entry e = entries.get(column.field());
            String unit = catalog.indicatorUnit(column.field(), lang).strip();
            String[] cells = {column.path(), SheetColumns.label(column.field(), catalog, lang), unit,
                Words.get(lang, "kind." + column.kind().name()), values(column), range(column),
                e == null ? null : e.officialName(), e == null ? null : e.definition(), e == null ? null : e.source(),
                e == null ? null : e.formula(), e == null ? null : e.note(),
                e == null ? null : String.join(", ", e.usedBy())};
            Row row = sheet.createRow(r++);
            for (int c = 0; c < cells.length; c++) {
                if (cells[c] != null && !cells[c].isEmpty()) {
                    Cell cell = row.createCell(c);
                    cell.setCellValue(cells[c]);
                    cell.setCellStyle(styles.wrap);
                }
            }
        }
        sheet.createFreezePane(1, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(r - 1, 1), 0, heads.length - 1));
    }

    /** Columns a text takes: CJK characters count two. */
    static int displayWidth(String text) {
        return text.codePoints().map(c -> c > 0x2E80 ? 2 : 1).sum();
    }

    /** The styles of the template, made once per workbook. */
    static final class Styles {
        final CellStyle header;
        final CellStyle required;
        final CellStyle secondary;
        final CellStyle path;
        final CellStyle title;
        final CellStyle wrap;

        Styles(SXSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            Font grey = wb.createFont();
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            grey.setFontHeightInPoints((short) 9);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            header = filled(wb, bold, IndexedColors.PALE_BLUE);
            required = filled(wb, bold, IndexedColors.LIGHT_ORANGE);
            secondary = filled(wb, grey, IndexedColors.GREY_25_PERCENT);
            path = wb.createCellStyle();
            path.setFont(grey);
            title = wb.createCellStyle();
            title.setFont(big);
            wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
        }

        private static CellStyle filled(SXSSFWorkbook wb, Font font, IndexedColors color) {
            CellStyle style = wb.createCellStyle();
            style.setFont(font);
            style.setWrapText(true);
            style.setVerticalAlignment(VerticalAlignment.TOP);
            style.setFillForegroundColor(color.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            return style;
        }
    }
}
