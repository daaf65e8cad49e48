package io.nqpf.advisor.engine;

import io.nqpf.advisor.engine.facts.Evidence;
import io.nqpf.advisor.engine.facts.Findings;
import io.nqpf.advisor.engine.facts.SmartSpecialization;
import io.nqpf.advisor.engine.facts.Stage;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the rules found for one profile, before ranking and wording.
 *
 * @param findings     bottlenecks and candidates of the real pass
 * @param stage        the decided smart-specialization stage
 * @param stageFinding the stage rule's finding, null when undetermined
 * @param stageMissing indicators that stage rules needed but the profile lacks (for UNDETERMINED)
 * @param watchlist    bottleneck id to the near-threshold evidence that would make it fire
 * @param dataGaps     missing indicator to what needed it
 * @param fired        rule names in firing order (the real pass)
 * @param certainty    which findings hold whatever the missing values are, and what decides the others
 */
public record Evaluation(Ruleset ruleset, Map<String, Object> values, Findings findings, Stage stage,
        SmartSpecialization stageFinding, List<String> stageMissing, Map<String, Watch> watchlist,
        Map<String, DataGap> dataGaps, List<String> fired, Certainty certainty) {

    /** A bottleneck that near-threshold values would make fire, with that evidence and the rules. */
    public record Watch(List<Evidence> evidence, Set<String> rules) {
    }

    /**
     * A missing indicator: the rules that wanted it, the bottlenecks or stages it could have revealed, and the
     * what-if matches that rest on it (each with the observed and the missing evidence of its rule).
     */
    public record DataGap(String indicator, Set<String> neededBy, Set<String> couldReveal, List<Findings.Hit> hits) {
    }
}
