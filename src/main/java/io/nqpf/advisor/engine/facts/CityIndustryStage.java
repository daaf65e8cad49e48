package io.nqpf.advisor.engine.facts;

import java.util.List;

/**
 * The derived stage of the city's industry in 003's evolution logic (城市产业进化的逻辑): from scale expansion
 * (规模扩张) through efficiency (效率提升) to an integrated ecosystem driven by innovation (生态一体、创新驱动).
 * Stage rules of {@code rules/city-industry-stage.drl} insert it through {@code findings.cityStage}; fit rules
 * match it, e.g. {@code CityIndustryStage( stage == CityIndustryStage.Phase.EFFICIENCY )}.
 */
public final class CityIndustryStage {

    /** The three stages of 003, in the order a city passes through them. */
    public enum Phase {
        /** 以规模扩张为主要特征: growth of volume, industry-led (工业增加值占GDP的比重持续保持在50%以上). */
        SCALE_EXPANSION,
        /** 以效率提升为主要特征: the economy's quality and efficiency, knowledge-intensive services. */
        EFFICIENCY,
        /** 以生态一体、创新驱动为主要特征: hub cities that lead through an innovation ecosystem. */
        ECOSYSTEM_INNOVATION
    }

    private final Phase stage;
    private final String rule;
    private final List<Evidence> evidence;

    public CityIndustryStage(Phase stage, String rule, List<Evidence> evidence) {
        this.stage = stage;
        this.rule = rule;
        this.evidence = List.copyOf(evidence);
    }

    public Phase getStage() {
        return stage;
    }

    public String rule() {
        return rule;
    }

    public List<Evidence> evidence() {
        return evidence;
    }
}
