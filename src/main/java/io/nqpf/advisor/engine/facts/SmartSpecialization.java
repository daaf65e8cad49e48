package io.nqpf.advisor.engine.facts;

import java.util.List;

/** The derived smart-specialization stage of the region, inserted by a stage rule for other rules to use. */
public final class SmartSpecialization {
    private final Stage stage;
    private final String rule;
    private final List<Evidence> evidence;

    public SmartSpecialization(Stage stage, String rule, List<Evidence> evidence) {
        this.stage = stage;
        this.rule = rule;
        this.evidence = List.copyOf(evidence);
    }

    public Stage getStage() {
        return stage;
    }

    public String rule() {
        return rule;
    }

    public List<Evidence> evidence() {
        return evidence;
    }
}
