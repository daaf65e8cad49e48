package io.nqpf.advisor.spreadsheets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.nqpf.advisor.knowledge.Catalog;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.Text;
import java.math.BigDecimal;
import java.math.MathContext;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads cell values as planning offices type them: percentages as % cells (0.153 shown as 15.3%), as "15.3%" or as
 * 15.3; thousands separators ("42,000"); 万 and 亿 ("1.57万" is 15700); the column's own unit after the number
 * ("4.2万元"); full-width digits; blank, "—", "-" and "N/A" as missing; 是/否, yes/no, TRUE/FALSE; a category by its
 * code or its label in either language. What cannot be read is a problem naming the reason; ranges and whole numbers
 * are left to the profile's own validation, so that a sheet is held to exactly the rules of a JSON body.
 */
final class OfficeValues {

    /** A value read from a cell: a JSON value, nothing (missing), or the reason it cannot be read. */
    record Read(JsonNode value, Text problem) {
        static final Read MISSING = new Read(null, null);

        static Read of(JsonNode value) {
            return new Read(value, null);
        }

        static Read problem(String key, Object... args) {
            return new Read(null, Text.of(key, args));
        }
    }

    /** Excel keeps 15 significant digits; what lies beyond them is binary noise (0.15299999999999997). */
    private static final MathContext EXCEL = new MathContext(15);
    private static final Set<String> MISSING = Set.of("", "—", "——", "–", "-", "--", "…", "...", "n/a", "na", "#n/a",
            "null", "无数据", "暂无", "缺");
    private static final Set<String> TRUE = Set.of("是", "有", "对", "yes", "y", "true", "1", "√", "✓", "✔");
    private static final Set<String> FALSE = Set.of("否", "无", "没有", "不是", "no", "n", "false", "0", "×", "✗", "✘");
    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    /** Excel limits a cell to this many characters. */
    static final int MAX_TEXT = 32_767;

    private final Catalog catalog;
    /** Per enumerated field: every accepted spelling (lower case) to its constant. */
    private final Map<String, Map<String, String>> categories = new HashMap<>();

    OfficeValues(Catalog catalog) {
        this.catalog = catalog;
        for (SheetColumn column : SheetColumns.all()) {
            if (column.kind() == SheetColumn.Kind.ENUM) {
                Map<String, String> spellings = new HashMap<>();
                for (String value : column.values()) {
                    spellings.put(key(value), value);
                    spellings.put(key(value.replace('_', ' ')), value);
                    spellings.put(key(value.replace('_', '-')), value);
                    for (Language lang : Language.values()) {
                        spellings.putIfAbsent(key(categoryLabel(catalog, column.field(), value, lang)), value);
                    }
                }
                categories.put(column.field(), spellings);
            }
        }
    }

    /** How the sheet shows a category: its label in the catalog ({@code value.<field>.<CONSTANT>}), else the constant. */
    static String categoryLabel(Catalog catalog, String field, String value, Language lang) {
        String key = "value." + field + "." + value;
        String label = catalog.factor(key, lang);
        return label.equals(key) ? value : label;
    }

    /** How the sheet shows a yes/no value. */
    static String booleanLabel(boolean value, Language lang) {
        return Words.get(lang, value ? "value.yes" : "value.no");
    }

    Read read(RawCell cell, SheetColumn column) {
        return switch (cell.type()) {
            case ERROR -> Read.problem("cell.error", cell.text());
            case FORMULA_WITHOUT_VALUE -> Read.problem("cell.formula-without-value");
            case BOOLEAN -> bool("1".equals(cell.text()), column);
            case NUMBER -> number(cell, column);
            case TEXT -> text(cell.text(), column);
        };
    }

    private Read number(RawCell cell, SheetColumn column) {
        BigDecimal value;
        try {
            value = new BigDecimal(cell.text().trim()).round(EXCEL);
        } catch (NumberFormatException e) {
            return Read.problem("cell.number", cell.text());
        }
        if (cell.percentFormat()) {
            if (!column.percent()) {
                return Read.problem("cell.percent-not-percent", value.movePointRight(2).stripTrailingZeros().toPlainString() + "%");
            }
            value = value.movePointRight(2);
        }
        return switch (column.kind()) {
            case NUMBER, WHOLE_NUMBER -> Read.of(node(value, column));
            case TEXT -> Read.of(TextNode.valueOf(value.stripTrailingZeros().toPlainString()));
            case BOOLEAN -> value.compareTo(BigDecimal.ONE) == 0 ? Read.of(BooleanNode.TRUE)
                    : value.signum() == 0 ? Read.of(BooleanNode.FALSE) : Read.problem("cell.boolean", cell.text());
            case ENUM -> Read.problem("cell.one-of", choices(column), cell.text());
        };
    }

    private Read text(String raw, SheetColumn column) {
        if (raw.length() > MAX_TEXT) {
            return Read.problem("cell.too-long", raw.length(), MAX_TEXT);
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
        if (MISSING.contains(text.toLowerCase(Locale.ROOT))) {
            return Read.MISSING;
        }
        return switch (column.kind()) {
            case TEXT -> Read.of(TextNode.valueOf(raw.strip())); // a name keeps its full-width punctuation
            case BOOLEAN -> TRUE.contains(text.toLowerCase(Locale.ROOT)) ? Read.of(BooleanNode.TRUE)
                    : FALSE.contains(text.toLowerCase(Locale.ROOT)) ? Read.of(BooleanNode.FALSE)
                    : Read.problem("cell.boolean", raw.strip());
            case ENUM -> {
                String value = categories.getOrDefault(column.field(), Map.of()).get(key(text));
                yield value != null ? Read.of(TextNode.valueOf(value)) : Read.problem("cell.one-of", choices(column), raw.strip());
            }
            case NUMBER, WHOLE_NUMBER -> typedNumber(raw.strip(), text, column);
        };
    }

    /** "15.3%", "42,000", "1.57万", "4.2万元", "−2.1": a number typed as text. */
    private Read typedNumber(String raw, String normalized, SheetColumn column) {
        String s = normalized.replaceAll("\\s+", "").replace('\u2212', '-');
        for (String unit : units(column)) {
            if (s.length() > unit.length() && s.endsWith(unit)) {
                s = s.substring(0, s.length() - unit.length());
                break;
            }
        }
        boolean percent = s.endsWith("%");
        if (percent) {
            s = s.substring(0, s.length() - 1);
        }
        int shift = 0;
        if (s.endsWith("万")) {
            shift = 4;
        } else if (s.endsWith("亿")) {
            shift = 8;
        }
        if (shift > 0) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.indexOf(',') >= 0) {
            if (!GROUPED.matcher(s).matches()) {
                return Read.problem("cell.number", raw);
            }
            s = s.replace(",", "");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(s).movePointRight(shift);
        } catch (NumberFormatException e) {
            return Read.problem("cell.number", raw);
        }
        if (percent && !column.percent()) {
            return Read.problem("cell.percent-not-percent", raw);
        }
        return Read.of(node(value, column));
    }

    /** A whole number for a whole-number field when it is one; otherwise left as it is, for the profile to refuse. */
    private static JsonNode node(BigDecimal value, SheetColumn column) {
        if (column.kind() == SheetColumn.Kind.WHOLE_NUMBER) {
            BigDecimal whole = value.stripTrailingZeros();
            if (whole.scale() <= 0) {
                try {
                    long n = whole.longValueExact();
                    return n == (int) n ? IntNode.valueOf((int) n) : LongNode.valueOf(n);
                } catch (ArithmeticException tooLarge) {
                    return DecimalNode.valueOf(value);
                }
            }
            return DecimalNode.valueOf(value);
        }
        return DoubleNode.valueOf(value.doubleValue());
    }

    /** The units a value of the column may be followed by, longest first ("吨标准煤/万元" before "元"). */
    private List<String> units(SheetColumn column) {
        Set<String> units = new LinkedHashSet<>();
        for (Language lang : Language.values()) {
            String unit = catalog.indicatorUnit(column.field(), lang).strip();
            if (!unit.isEmpty() && !unit.equals("%")) {
                units.add(Normalizer.normalize(unit, Normalizer.Form.NFKC).replaceAll("\\s+", ""));
            }
        }
        return units.stream().sorted((a, b) -> b.length() - a.length()).toList();
    }

    /** A TRUE or FALSE cell: a yes/no for a yes/no field, else what the field cannot take. */
    private Read bool(boolean value, SheetColumn column) {
        String shown = value ? "TRUE" : "FALSE";
        return switch (column.kind()) {
            case BOOLEAN -> Read.of(BooleanNode.valueOf(value));
            case TEXT -> Read.of(TextNode.valueOf(shown));
            case ENUM -> Read.problem("cell.one-of", choices(column), shown);
            case NUMBER, WHOLE_NUMBER -> Read.problem("cell.number", shown);
        };
    }

    /** The accepted values of a category column in both languages, with their codes: 煤炭 / coal (COAL), … */
    private String choices(SheetColumn column) {
        return String.join(", ", column.values().stream()
                .map(v -> categoryLabel(catalog, column.field(), v, Language.ZH_CN) + " / "
                        + categoryLabel(catalog, column.field(), v, Language.EN) + " (" + v + ")").toList());
    }

    private static String key(String spelling) {
        return Normalizer.normalize(spelling, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }
}
