package io.nqpf.advisor.engine.facts;

import io.nqpf.advisor.knowledge.ThresholdDef;

/**
 * The third value of a threshold: the profile does not give its indicator, so whether it holds is unknown. The engine
 * inserts one for every threshold of a missing indicator. A rule that matches {@code Unknown( id == "RESOURCE_SHARE_HIGH" )}
 * presumes: what it reports is PRESUMED, decided by that indicator, never CERTAIN.
 */
public final class Unknown {

    private final ThresholdDef threshold;

    public Unknown(ThresholdDef threshold) {
        this.threshold = threshold;
    }

    /** The threshold id. */
    public String getId() {
        return threshold.id();
    }

    /** JSON path of the missing indicator in the profile. */
    public String getIndicator() {
        return threshold.indicator();
    }

    public ThresholdDef threshold() {
        return threshold;
    }

    /** As evidence for counterfactuals: the missing value, past nothing yet (excess 0). */
    Evidence asMissing() {
        return new Evidence(threshold, null, 0, Evidence.Basis.MISSING, 0);
    }

    @Override
    public String toString() {
        return "Unknown(" + threshold.id() + ")";
    }
}
