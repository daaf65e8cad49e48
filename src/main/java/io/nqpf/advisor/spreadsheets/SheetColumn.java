package io.nqpf.advisor.spreadsheets;

import java.util.List;

/**
 * One column of the region sheet: the profile field it fills, named by the path a sheet carries in its second header
 * row. A value column fills the field itself; a year or source column fills the field's entry in the profile's
 * {@code asOf} or {@code sources} map.
 *
 * @param path     the name in the header row: the field's JSON path, or {@code asOf.<path>} / {@code sources.<path>}
 * @param role     what the column holds
 * @param field    the profile field: {@code path} itself for a value, the field whose year or source it is otherwise
 * @param kind     how a cell is read
 * @param values   the enumeration's constants, for {@link Kind#ENUM}; empty otherwise
 * @param min      the validated least value of a number, null when unbounded
 * @param max      the validated greatest value of a number, null when unbounded
 * @param percent  whether the field is a percentage 0..100, so that a % cell (0.153 shown as 15.3%) reads as 15.3
 * @param required whether every profile must have the field
 */
public record SheetColumn(String path, Role role, String field, Kind kind, List<String> values, Double min, Double max,
        boolean percent, boolean required) {

    /** What a column holds. */
    public enum Role { VALUE, YEAR, SOURCE }

    /** How a cell of the column is read. */
    public enum Kind { TEXT, NUMBER, WHOLE_NUMBER, BOOLEAN, ENUM }

    /** The prefix of a year column's path, and the member of the profile it fills. */
    public static final String AS_OF = "asOf";
    /** The prefix of a source column's path, and the member of the profile it fills. */
    public static final String SOURCES = "sources";

    public boolean numeric() {
        return kind == Kind.NUMBER || kind == Kind.WHOLE_NUMBER;
    }
}
