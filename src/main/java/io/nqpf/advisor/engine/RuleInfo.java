package io.nqpf.advisor.engine;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One rule of the active ruleset")
public record RuleInfo(
        @Schema(description = "Rule name as written in the DRL") String name,
        @Schema(description = "DRL file relative to the rules directory") String file,
        @Schema(description = "Line of the rule header") int line,
        @Schema(description = "What the rule reports", enumeration = {"DIAGNOSIS", "STAGE", "COUNTERMEASURE", "ADJUSTMENT", "OTHER"})
        String kind,
        @Schema(description = "Bottleneck, countermeasure and threshold ids the rule refers to") List<String> ids) {

    /** Diagnosis and stage rules are the ones the what-if pass needs. */
    public boolean diagnoses() {
        return "DIAGNOSIS".equals(kind) || "STAGE".equals(kind);
    }

    static String kindOf(String body) {
        if (body.contains("findings.bottleneck(")) {
            return "DIAGNOSIS";
        }
        if (body.contains("findings.stage(")) {
            return "STAGE";
        }
        if (body.contains("findings.recommend(")) {
            return "COUNTERMEASURE";
        }
        if (body.contains("findings.fit(") || body.contains("findings.stageFit(") || body.contains("findings.prerequisite(")) {
            return "ADJUSTMENT";
        }
        return "OTHER";
    }
}
