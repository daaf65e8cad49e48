package io.nqpf.advisor.engine.facts;

/** The two stages of smart specialization (精明专业化, 002 四、(二)), the transition between them, or undetermined. */
public enum Stage {
    STAGE_1_RELATED_DIVERSIFICATION,
    /** Between the stages: three of the six signals of strong innovation capacity (KNOWLEDGE §8). */
    TRANSITION,
    STAGE_2_PATH_BREAKING,
    UNDETERMINED
}
