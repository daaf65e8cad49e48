package io.nqpf.advisor.spreadsheets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nqpf.advisor.profile.BatchReader;
import io.nqpf.advisor.profile.InvalidProfileException;
import io.nqpf.advisor.profile.ProfileReader;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.profile.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns one row into a profile: each cell is read for its column ({@link OfficeValues}) into the JSON body the row
 * stands for, which is then read by the same strict reader and validation as a JSON request, so that a sheet is held
 * to exactly the rules of the API. Every problem names the field and the cell: a value that could not be read, or
 * one the profile refuses (its cell found from the violation's field).
 */
final class RowBinder {

    private final SheetLayout layout;
    private final RowSource source;
    private final OfficeValues values;
    private final ProfileReader reader;

    RowBinder(SheetLayout layout, RowSource source, OfficeValues values, ProfileReader reader) {
        this.layout = layout;
        this.source = source;
        this.values = values;
        this.reader = reader;
    }

    BatchReader.Item bind(int index, SheetRow row) {
        ObjectNode profile = JsonNodeFactory.instance.objectNode();
        List<Violation> problems = new ArrayList<>();
        Set<String> refused = new HashSet<>();
        for (RawCell cell : row.cells()) {
            SheetColumn column = layout.column(cell.column());
            String at = source.reference(cell.column(), row.number());
            if (column == null) {
                if (!(cell.type() == RawCell.Type.TEXT && cell.text().isBlank())) {
                    problems.add(Violation.of("", "sheet.unnamed-column").inCell(at));
                }
                continue;
            }
            OfficeValues.Read read = values.read(cell, column);
            if (read.problem() != null) {
                problems.add(new Violation(column.path(), read.problem(), at));
                refused.add(column.path());
            } else if (read.value() != null) {
                put(profile, column, read.value());
            }
        }
        JsonNode id = profile.get("regionId");
        String regionId = id != null && id.isTextual() ? id.asText() : null;
        try {
            RegionProfile read = reader.read(profile, RegionProfile.class);
            if (problems.isEmpty()) {
                return new BatchReader.Item(index, regionId, read, null);
            }
        } catch (InvalidProfileException e) {
            for (Violation v : e.violations()) {
                if (!refused.contains(v.field())) {
                    problems.add(v.inCell(cellOf(v.field(), row.number())));
                }
            }
        }
        return new BatchReader.Item(index, regionId, null, new InvalidProfileException(ProfileReader.INVALID, problems));
    }

    /** A value in the body: {@code economy.gdpPerCapitaYuan} in its group; a year or source in asOf or sources by path. */
    private static void put(ObjectNode profile, SheetColumn column, JsonNode value) {
        switch (column.role()) {
            case YEAR -> profile.withObjectProperty(SheetColumn.AS_OF).set(column.field(), value);
            case SOURCE -> profile.withObjectProperty(SheetColumn.SOURCES).set(column.field(), value);
            case VALUE -> {
                int dot = column.path().indexOf('.');
                if (dot < 0) {
                    profile.set(column.path(), value);
                } else {
                    profile.withObjectProperty(column.path().substring(0, dot)).set(column.path().substring(dot + 1), value);
                }
            }
        }
    }

    /**
     * The cell of a violation's field in this row: its column's cell, blank or not; for a group (the three sector
     * shares of {@code economy}) the first of its columns the sheet has; for the whole profile, the row.
     */
    private String cellOf(String field, int row) {
        String path = field == null ? "" : field.replace("[", ".").replace("]", "");
        int column = layout.indexOf(path);
        if (column < 0 && !path.isEmpty()) {
            for (SheetColumn c : SheetColumns.all()) {
                if (c.path().startsWith(path + ".") && layout.indexOf(c.path()) >= 0) {
                    column = layout.indexOf(c.path());
                    break;
                }
            }
        }
        String ref = source.reference(Math.max(column, 0), row);
        return column >= 0 ? ref : ref.replaceFirst("A" + row + "$", row + ":" + row);
    }
}
