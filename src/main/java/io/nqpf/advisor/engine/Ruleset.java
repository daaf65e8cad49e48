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
 * {@code documents} are the cited documents by file name, as {@code sources.yaml} describes them.
 */
public record Ruleset(KieBase kieBase, Catalog catalog, String version, String sha256, Instant loadedAt,
        List<String> files, List<RuleInfo> rules, Map<String, RuleInfo> rulesByName, String citations,
        Map<String, SourceDocument> documents) {
}
