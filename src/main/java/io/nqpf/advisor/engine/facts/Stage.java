package io.nqpf.advisor.engine.facts;

import java.util.List;

/** The two stages of smart specialization (精明专业化, 002 四、(二)), the transition between them, or undetermined. */
public enum Stage {
    STAGE_1_RELATED_DIVERSIFICATION,
    /** Between the stages: three of the six signals of strong innovation capacity (KNOWLEDGE §8). */
    TRANSITION,
    STAGE_2_PATH_BREAKING,
    UNDETERMINED;

    /**
     * The six signals of strong innovation capacity that the stage rules of {@code smart-specialization.drl} count
     * (threshold ids): four or more make stage 2, three the transition, two or fewer on an industrial base stage 1.
     * The report says how many of them hold; {@code RuleCheckTest} keeps this list and the rules the same.
     */
    public static final List<String> SIGNALS = List.of("RD_STRONG", "STRATEGIC_EMERGING_STRONG", "PLATFORMS_MANY",
            "UNIVERSITIES_MANY", "HIGH_TECH_MANY", "INNOVATION_REFORM_PILOT");
}
