package io.nqpf.advisor.profile;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One invalid field of the request")
public record Violation(
        @Schema(description = "JSON path of the field in the request body", example = "economy.rdIntensityPct") String field,
        @Schema(example = "must be less than or equal to 20") String message) {

    /** Violations listed at most in one problem; the rest are counted, so that an answer stays small. */
    public static final int MAX_LISTED = 100;
}
