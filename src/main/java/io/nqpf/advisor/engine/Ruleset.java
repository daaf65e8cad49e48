package io.nqpf.advisor.engine;

import io.nqpf.advisor.knowledge.Catalog;
import io.nqpf.advisor.knowledge.SourceDocument;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;

/**
 * A built, immutable ruleset: compiled rules, the catalog beside them and what identifies them; {@code citations}
 * says whether the catalog's quotes were verified against the source texts, and where those were looked for;
 * {@code documents} are the cited documents by file name, as {@code sources.yaml} describes them;
 * {@code indicatorWeights} says of every indicator how many diagnosis and stage rules use a threshold on it;
 * {@code derived} holds what the service makes from these rules once and reuses for every request (the catalog's
 * texts of a report, serialized), swapped with the ruleset on reload; {@code stageIndex} keeps the outcome of the
 * stage-decider tries of this ruleset and {@code sessions} its Drools sessions for reuse (both live and die with it).
 */
public record Ruleset(KieBase kieBase, Catalog catalog, String version, String sha256, Instant loadedAt,
        List<String> files, List<RuleInfo> rules, Map<String, RuleInfo> rulesByName, String citations,
        Map<String, SourceDocument> documents, Map<String, Integer> indicatorWeights, Derived derived,
        RulesetStageIndex stageIndex, RulesetSessions sessions) {

    /** A ruleset with these weights; like the next, its tries and passes each run a new session. */
    public Ruleset(KieBase kieBase, Catalog catalog, String version, String sha256, Instant loadedAt, List<String> files,
            List<RuleInfo> rules, Map<String, RuleInfo> rulesByName, String citations,
            Map<String, SourceDocument> documents, Map<String, Integer> indicatorWeights) {
        this(kieBase, catalog, version, sha256, loadedAt, files, rules, rulesByName, citations, documents,
                indicatorWeights, new Derived(), RulesetStageIndex.none(), RulesetSessions.none());
    }

    /**
     * A ruleset whose stage-decider tries each run the rules (no DRL text at hand to judge them by) and whose passes
     * each open a new session of {@code kieBase}.
     */
    public Ruleset(KieBase kieBase, Catalog catalog, String version, String sha256, Instant loadedAt, List<String> files,
            List<RuleInfo> rules, Map<String, RuleInfo> rulesByName, String citations,
            Map<String, SourceDocument> documents) {
        this(kieBase, catalog, version, sha256, loadedAt, files, rules, rulesByName, citations, documents,
                weights(rules, catalog), new Derived(), RulesetStageIndex.none(), RulesetSessions.none());
    }

    Ruleset(KieBase kieBase, Catalog catalog, String version, String sha256, Instant loadedAt, List<String> files,
            List<RuleInfo> rules, Map<String, RuleInfo> rulesByName, String citations,
            Map<String, SourceDocument> documents, RulesetStageIndex stageIndex) {
        this(kieBase, catalog, version, sha256, loadedAt, files, rules, rulesByName, citations, documents,
                weights(rules, catalog), new Derived(), stageIndex, RulesetSessions.pooled(kieBase));
    }

    private static Map<String, Integer> weights(List<RuleInfo> rules, Catalog catalog) {
        Map<String, Integer> weight = new java.util.TreeMap<>();
        for (RuleInfo rule : rules) {
            if (rule.diagnoses()) {
                rule.ids().stream().map(catalog.thresholds()::get).filter(java.util.Objects::nonNull)
                        .map(io.nqpf.advisor.knowledge.ThresholdDef::indicator).distinct()
                        .forEach(i -> weight.merge(i, 1, Integer::sum));
            }
        }
        return java.util.Collections.unmodifiableMap(weight);
    }
}
