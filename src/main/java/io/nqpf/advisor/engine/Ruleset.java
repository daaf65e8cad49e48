package io.nqpf.advisor.engine;

import io.nqpf.advisor.knowledge.Catalog;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;

/**
 * A built, immutable ruleset: compiled rules, the catalog beside them and what identifies them; {@code citations}
 * says whether the catalog's quotes were verified against the source texts, and where those were looked for.
 */
public record Ruleset(KieBase kieBase, Catalog catalog, String version, String sha256, Instant loadedAt,
        List<String> files, List<RuleInfo> rules, Map<String, RuleInfo> rulesByName, String citations) {
}
