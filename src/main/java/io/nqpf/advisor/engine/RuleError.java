package io.nqpf.advisor.engine;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A defect in a rules file: where it is (line and column from 1; 0 when unknown) and what is wrong")
public record RuleError(
        @Schema(description = "File path relative to the rules directory", example = "institutional-reform.drl") String file,
        @Schema(example = "12") int line,
        @Schema(example = "5") int column,
        @Schema(example = "unknown threshold id 'RD_LOWW'") String message) {
}
