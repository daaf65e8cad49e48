package io.nqpf.advisor.engine;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One rule of the active ruleset")
public record RuleInfo(
        @Schema(description = "Rule name as written in the DRL") String name,
        @Schema(description = "DRL file relative to the rules directory") String file,
        @Schema(description = "Line of the rule header") int line,
        @Schema(description = "Bottleneck, countermeasure and threshold ids the rule refers to") List<String> ids) {
}
