package io.nqpf.advisor.engine;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One rule of the active ruleset")
public record RuleInfo(
        @Schema(description = "Rule name as written in the DRL") String name,
        @Schema(description = "DRL file relative to the rules directory") String file,
        @Schema(description = "Line of the rule header") int line,
        @Schema(description = "What the rule reports, from its @kind", enumeration = {"DIAGNOSIS", "STAGE", "COUNTERMEASURE", "ADJUSTMENT"})
        String kind,
        @Schema(description = "Bottleneck, countermeasure and threshold ids the rule refers to") List<String> ids,
        @Schema(description = "Profile fields of the region's typology (level, size class, typology.*) that its "
                + "Region conditions read: a finding of the rule that fires while one of them is missing is PRESUMED")
        List<String> reads) {

    /** The kinds a rule declares with {@code @kind(…)}, written in lower case in the DRL. */
    public static final List<String> KINDS = List.of("DIAGNOSIS", "STAGE", "COUNTERMEASURE", "ADJUSTMENT");

    /** Diagnosis and stage rules are the ones the what-if pass needs. */
    public boolean diagnoses() {
        return "DIAGNOSIS".equals(kind) || "STAGE".equals(kind);
    }
}
