package io.nqpf.advisor.engine.facts;

import io.nqpf.advisor.knowledge.ThresholdDef;

/**
 * An indicator of the region lies past one threshold of {@code rules/thresholds.yaml}. Diagnosis rules match
 * on {@code Evidence( id == "RD_LOW" )}; {@code excess} (0..1) says how far past it lies.
 */
public final class Evidence {

    /** Observed in the profile; or, in the what-if pass only, a value near the threshold or a missing one. */
    public enum Basis { OBSERVED, NEAR, MISSING }

    private final ThresholdDef threshold;
    private final Object value;
    private final double excess;
    private final Basis basis;
    private final double gap;
    private final Integer valueYear;

    public Evidence(ThresholdDef threshold, Object value, double excess, Basis basis, double gap) {
        this(threshold, value, excess, basis, gap, null);
    }

    /** @param valueYear the year the value describes (the profile's unless the profile says otherwise) */
    public Evidence(ThresholdDef threshold, Object value, double excess, Basis basis, double gap, Integer valueYear) {
        this.valueYear = valueYear;
        this.threshold = threshold;
        this.value = value;
        this.excess = excess;
        this.basis = basis;
        this.gap = gap;
    }

    /** The threshold id. */
    public String getId() {
        return threshold.id();
    }

    /** JSON path of the indicator in the profile. */
    public String getIndicator() {
        return threshold.indicator();
    }

    public Object getValue() {
        return value;
    }

    /** 0 just past the threshold, 1 at or beyond its scale. */
    public double getExcess() {
        return excess;
    }

    public ThresholdDef threshold() {
        return threshold;
    }

    public Basis basis() {
        return basis;
    }

    /** The year the value describes; the threshold is that of this year (or the nearest earlier with a figure). */
    public Integer valueYear() {
        return valueYear;
    }

    /** For NEAR evidence, how far the value must move to pass the threshold, in the indicator's units. */
    public double gap() {
        return gap;
    }

    @Override
    public String toString() {
        return threshold.id() + "(" + threshold.indicator() + "=" + value + " " + threshold.comparison().symbol() + " "
                + threshold.thresholdValue() + ", " + basis + ")";
    }
}
