package io.nqpf.advisor.engine.facts;

/**
 * Points a fit, stage or prerequisite rule adds to (or takes from) a candidate's score, with the key of the
 * reason's label in the catalog's {@code factors}.
 */
public record Adjustment(Kind kind, double points, String reason, String rule) {

    public enum Kind { FIT, STAGE, PREREQUISITE }
}
