package io.nqpf.advisor.spreadsheets;

import io.nqpf.advisor.profile.ProfileIndicators;
import io.nqpf.advisor.profile.RegionProfile;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import io.nqpf.advisor.knowledge.Catalog;
import io.nqpf.advisor.knowledge.Language;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of the region sheet, read from the region profile's own definition (its record components, their
 * types and validation annotations), never listed by hand: a field added to the profile is a column of the next
 * template and is read from uploads without a change here. When the profile carries {@code asOf} and {@code sources}
 * maps, each indicator gets a year and a source column beside its value.
 */
public final class SheetColumns {

    private static final List<SheetColumn> ALL = scan();
    private static final Map<String, SheetColumn> BY_PATH = index(ALL);

    private SheetColumns() {
    }

    /** Every column, in the order of the profile's fields; each value's year and source follow it. */
    public static List<SheetColumn> all() {
        return ALL;
    }

    /** The column a header names, or null. */
    public static SheetColumn byPath(String path) {
        return BY_PATH.get(path);
    }

    /** Whether the profile has the member ({@code asOf} or {@code sources}) that year or source columns fill. */
    public static boolean profileHas(String member) {
        return Arrays.stream(RegionProfile.class.getRecordComponents())
                .anyMatch(c -> c.getName().equals(member) && Map.class.isAssignableFrom(c.getType()));
    }

    /** The label a sheet gives the column in a language, with its unit: "研发经费投入强度（%）", "R&D intensity (%)". */
    public static String header(SheetColumn column, Catalog catalog, Language lang) {
        String label = label(column.field(), catalog, lang);
        return switch (column.role()) {
            case YEAR -> Words.get(lang, "column.year-of", label);
            case SOURCE -> Words.get(lang, "column.source-of", label);
            case VALUE -> {
                String unit = catalog.indicatorUnit(column.field(), lang).trim();
                yield unit.isEmpty() ? label : Words.get(lang, "column.with-unit", label, unit);
            }
        };
    }

    /** The field's label: the catalog's for indicators, the sheet's own for the identifying fields, else the path. */
    public static String label(String field, Catalog catalog, Language lang) {
        String own = Words.find(lang, "field." + field);
        return own != null ? own : catalog.indicatorLabel(field, lang);
    }

    private static List<SheetColumn> scan() {
        boolean years = profileHas(SheetColumn.AS_OF);
        boolean sources = profileHas(SheetColumn.SOURCES);
        List<SheetColumn> columns = new ArrayList<>();
        for (RecordComponent top : RegionProfile.class.getRecordComponents()) {
            Class<?> type = top.getType();
            if (type.isRecord()) {
                for (RecordComponent c : type.getRecordComponents()) {
                    add(columns, top.getName() + "." + c.getName(), c, years, sources);
                }
            } else if (!Map.class.isAssignableFrom(type) && !List.class.isAssignableFrom(type)) {
                add(columns, top.getName(), top, years && ProfileIndicators.exists(top.getName()),
                        sources && ProfileIndicators.exists(top.getName()));
            }
        }
        return Collections.unmodifiableList(columns);
    }

    private static void add(List<SheetColumn> columns, String path, RecordComponent c, boolean year, boolean source) {
        Class<?> type = c.getType();
        SheetColumn.Kind kind = type == Boolean.class || type == boolean.class ? SheetColumn.Kind.BOOLEAN
                : type.isEnum() ? SheetColumn.Kind.ENUM
                : type == Integer.class || type == Long.class || type == int.class || type == long.class
                        ? SheetColumn.Kind.WHOLE_NUMBER
                : Number.class.isAssignableFrom(type) || type == double.class ? SheetColumn.Kind.NUMBER
                : SheetColumn.Kind.TEXT;
        List<String> values = type.isEnum()
                ? Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList() : List.of();
        Double min = null;
        Double max = null;
        boolean required = false;
        for (Annotation a : c.getAccessor().getAnnotations()) {
            if (a instanceof DecimalMin m) {
                min = Double.valueOf(m.value());
            } else if (a instanceof DecimalMax m) {
                max = Double.valueOf(m.value());
            } else if (a instanceof Min m) {
                min = (double) m.value();
            } else if (a instanceof Max m) {
                max = (double) m.value();
            } else if (a instanceof NotNull || a instanceof NotBlank) {
                required = true;
            }
        }
        // the profile names its percentages (0..100, not fractions) ...Pct or ...PctGdp
        boolean percent = kind == SheetColumn.Kind.NUMBER && path.contains("Pct");
        columns.add(new SheetColumn(path, SheetColumn.Role.VALUE, path, kind, values, min, max, percent, required));
        if (year) {
            columns.add(new SheetColumn(SheetColumn.AS_OF + "." + path, SheetColumn.Role.YEAR, path,
                    SheetColumn.Kind.WHOLE_NUMBER, List.of(), 1949.0, 2100.0, false, false));
        }
        if (source) {
            columns.add(new SheetColumn(SheetColumn.SOURCES + "." + path, SheetColumn.Role.SOURCE, path,
                    SheetColumn.Kind.TEXT, List.of(), null, null, false, false));
        }
    }

    private static Map<String, SheetColumn> index(List<SheetColumn> columns) {
        Map<String, SheetColumn> map = new LinkedHashMap<>();
        columns.forEach(c -> map.put(c.path(), c));
        return Collections.unmodifiableMap(map);
    }
}
