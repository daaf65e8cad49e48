package io.nqpf.advisor.spreadsheets;

import io.nqpf.advisor.knowledge.Catalog;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.Violation;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which column of a sheet fills which profile field. The header is the template's second row, the field paths
 * ({@code regionId}, {@code innovation.rdIntensityPct}), so that a sheet reads the same whatever language its labels
 * are in; a sheet without it may name its columns by their labels in either language, with or without the unit.
 * Every named column must be one the profile has (unknown ones are refused by name, as unknown JSON fields are),
 * none twice, and the required ones must be there.
 */
final class SheetLayout {

    private final int headerRow;
    private final Map<Integer, SheetColumn> columns;

    private SheetLayout(int headerRow, Map<Integer, SheetColumn> columns) {
        this.headerRow = headerRow;
        this.columns = columns;
    }

    int headerRow() {
        return headerRow;
    }

    SheetColumn column(int index) {
        return columns.get(index);
    }

    /** The sheet column of a column, or -1. */
    int indexOf(String path) {
        return columns.entrySet().stream().filter(e -> e.getValue().path().equals(path)).mapToInt(Map.Entry::getKey)
                .findFirst().orElse(-1);
    }

    /**
     * Finds the header among the first rows and maps its columns; {@code rows} are those first rows.
     *
     * @throws io.nqpf.advisor.profile.InvalidProfileException naming each unknown, repeated or missing column
     */
    static SheetLayout of(List<SheetRow> rows, RowSource source, Catalog catalog) {
        Map<String, SheetColumn> byLabel = labels(catalog);
        SheetRow header = null;
        boolean byPath = false;
        for (SheetRow row : rows) {
            long paths = row.cells().stream().filter(c -> SheetColumns.byPath(c.text().strip()) != null).count();
            if (paths >= 3 || row.cells().stream().anyMatch(c -> c.text().strip().equals("regionId"))) {
                header = row;
                byPath = true;
                break;
            }
        }
        if (header == null) {
            for (SheetRow row : rows) {
                if (row.cells().stream().filter(c -> byLabel.containsKey(key(c.text()))).count() >= 3) {
                    header = row;
                    break;
                }
            }
        }
        if (header == null) {
            throw SheetException.invalid(null, "sheet.no-header", SheetLimits.HEADER_SEARCH);
        }
        List<Violation> violations = new ArrayList<>();
        Map<Integer, SheetColumn> columns = new LinkedHashMap<>();
        Map<String, String> seen = new HashMap<>();
        for (RawCell cell : header.cells()) {
            String name = cell.text().strip();
            if (name.isEmpty()) {
                continue;
            }
            String at = source.reference(cell.column(), header.number());
            SheetColumn column = byPath ? SheetColumns.byPath(name) : byLabel.get(key(name));
            if (column == null) {
                violations.add(Violation.of(name, "sheet.unknown-column", name).inCell(at));
            } else if (seen.containsKey(column.path())) {
                violations.add(Violation.of(column.path(), "sheet.duplicate-column", name, seen.get(column.path()))
                        .inCell(at));
            } else {
                seen.put(column.path(), at);
                columns.put(cell.column(), column);
            }
        }
        int row = header.number();
        for (SheetColumn column : SheetColumns.all()) {
            if (column.required() && !seen.containsKey(column.path())) {
                violations.add(Violation.of(column.path(), "sheet.missing-column", column.path(),
                        SheetColumns.header(column, catalog, Language.ZH_CN) + " / "
                                + SheetColumns.header(column, catalog, Language.EN)).inCell(source.reference(0, row)
                        .replaceFirst("A" + row + "$", row + ":" + row)));
            }
        }
        if (!violations.isEmpty()) {
            throw SheetException.invalid(violations);
        }
        return new SheetLayout(header.number(), columns);
    }

    /** Every column by its header in either language, with and without the unit, and by its bare label. */
    private static Map<String, SheetColumn> labels(Catalog catalog) {
        Map<String, SheetColumn> byLabel = new HashMap<>();
        for (SheetColumn column : SheetColumns.all()) {
            for (Language lang : Language.values()) {
                byLabel.putIfAbsent(key(SheetColumns.header(column, catalog, lang)), column);
                if (column.role() == SheetColumn.Role.VALUE) {
                    byLabel.putIfAbsent(key(SheetColumns.label(column.field(), catalog, lang)), column);
                }
            }
        }
        return byLabel;
    }

    private static String key(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }
}
