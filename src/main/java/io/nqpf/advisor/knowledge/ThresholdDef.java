package io.nqpf.advisor.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalDouble;

/**
 * One threshold of {@code rules/thresholds.yaml}: when the indicator's value lies past it, the engine
 * inserts an {@code Evidence} fact with this id that diagnosis rules match on.
 *
 * @param scale       distance past a numeric threshold at which the evidence counts as fully severe
 * @param weight      how severe a non-numeric (boolean or category) evidence counts, 0..1
 * @param actionable  false for typology that a region cannot change (resource type, size); such evidence is
 *                    never proposed in {@code clearsWhen}
 * @param benchmark   a national series of {@code benchmarks.yaml}: the threshold is {@code factor} times its value
 *                    in the profile's year (or the nearest earlier year with a figure; none before the series' first figure), and {@code reference} may name
 *                    {@code {national}}, {@code {year}} and {@code {source}}
 * @param factor      the multiple of the benchmark, e.g. 0.6 for "clearly below the hub-skewed national mean"
 * @param benchmarkYear in a threshold resolved for a profile: the year whose national figure was used
 */
public record ThresholdDef(String id, String indicator, Comparison comparison, JsonNode threshold, Double scale,
        Double weight, Boolean actionable, I18n reference, String benchmark, Double factor, Integer benchmarkYear) {

    /** A threshold as an author writes it in {@code thresholds.yaml}: every key but the resolved year. */
    public record Authored(String id, String indicator, Comparison comparison, JsonNode threshold, Double scale,
            Double weight, Boolean actionable, I18n reference, String benchmark, Double factor) {

        public ThresholdDef definition() {
            return new ThresholdDef(id, indicator, comparison, threshold, scale, weight, actionable, reference,
                    benchmark, factor, null);
        }
    }

    public ThresholdDef(String id, String indicator, Comparison comparison, JsonNode threshold, Double scale,
            Double weight, Boolean actionable, I18n reference) {
        this(id, indicator, comparison, threshold, scale, weight, actionable, reference, null, null, null);
    }

    /**
     * This threshold for a value of {@code year}: with a benchmark, the multiple of the national figure of that year,
     * or of the nearest earlier year with a figure (the reference then says so); without one, itself. Null when the
     * series has no figure for that year or any earlier one: then no threshold applies to such a value.
     */
    public ThresholdDef forYear(int year, Benchmark series) {
        if (benchmark == null || series == null) {
            return this;
        }
        Benchmark.Point p = series.atOrBefore(year).orElse(null);
        if (p == null) {
            return null;
        }
        double multiple = factor == null ? 1.0 : factor;
        double value = Math.round(multiple * p.value() * 100) / 100.0;
        String national = Benchmark.format(p.value());
        String zhNote = p.year() == year ? "" : "；无" + year + "年全国数据，取此前最近的" + p.year() + "年";
        String enNote = p.year() == year ? ""
                : "; no national figure for " + year + ", the nearest earlier year " + p.year() + " is used";
        I18n resolved = new I18n(fill(reference.zh(), national, p) + zhNote, fill(reference.en(), national, p) + enNote);
        return new ThresholdDef(id, indicator, comparison, com.fasterxml.jackson.databind.node.DoubleNode.valueOf(value),
                scale, weight, actionable, resolved, benchmark, factor, p.year());
    }

    private static String fill(String text, String national, Benchmark.Point p) {
        return text.replace("{national}", national).replace("{year}", String.valueOf(p.year()))
                .replace("{source}", p.source());
    }

    /** Within this fraction of a numeric threshold a value that is not past it is "near" (watchlist). */
    public static final double NEAR_FRACTION = 0.10;

    public boolean isActionable() {
        return actionable == null || actionable;
    }

    public double numericThreshold() {
        return threshold.asDouble();
    }

    /** Display form of the threshold: a number, true/false or a category name. */
    public Object thresholdValue() {
        if (threshold.isNumber()) {
            return threshold.numberValue();
        }
        if (threshold.isBoolean()) {
            return threshold.booleanValue();
        }
        return threshold.asText();
    }

    /** How far past the threshold the value lies, 0 (just past) .. 1 (fully severe); empty when not past. */
    public OptionalDouble excess(Object value) {
        if (value == null) {
            return OptionalDouble.empty();
        }
        switch (comparison) {
            case LESS, GREATER, AT_MOST, AT_LEAST -> {
                if (!(value instanceof Number n)) {
                    return OptionalDouble.empty();
                }
                double v = n.doubleValue();
                double t = numericThreshold();
                double distance = comparison.low() ? t - v : v - t;
                boolean inclusive = comparison == Comparison.AT_MOST || comparison == Comparison.AT_LEAST;
                if (distance < 0 || (distance == 0 && !inclusive)) {
                    return OptionalDouble.empty();
                }
                return OptionalDouble.of(Math.min(1.0, distance / scaleOrDefault()));
            }
            default -> {
                boolean equal = String.valueOf(thresholdValue()).equals(String.valueOf(value));
                boolean past = comparison == Comparison.EQUAL ? equal : !equal;
                return past ? OptionalDouble.of(weight == null ? 0.5 : weight) : OptionalDouble.empty();
            }
        }
    }

    /**
     * For a numeric value that is not past the threshold but within {@link #NEAR_FRACTION} of it: the gap in
     * the indicator's own units (how far it would have to move to be past). Empty otherwise.
     */
    public OptionalDouble nearGap(Object value) {
        if (!comparison.numeric() || !(value instanceof Number n) || excess(value).isPresent()) {
            return OptionalDouble.empty();
        }
        double t = numericThreshold();
        double band = t == 0 ? NEAR_FRACTION * scaleOrDefault() : NEAR_FRACTION * Math.abs(t);
        double gap = Math.abs(n.doubleValue() - t);
        return gap <= band ? OptionalDouble.of(gap) : OptionalDouble.empty();
    }

    public double scaleOrDefault() {
        if (scale != null && scale > 0) {
            return scale;
        }
        double t = Math.abs(numericThreshold());
        return t > 0 ? t : 1.0;
    }
}
