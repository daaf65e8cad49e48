package io.nqpf.advisor.engine.facts;

/** The two stages of smart specialization (精明专业化, 002 四、(二)), or undetermined for lack of data. */
public enum Stage {
    STAGE_1_RELATED_DIVERSIFICATION,
    STAGE_2_PATH_BREAKING,
    UNDETERMINED
}
