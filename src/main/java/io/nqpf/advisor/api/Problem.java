package io.nqpf.advisor.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.nqpf.advisor.engine.RuleError;
import io.nqpf.advisor.profile.Violation;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail, served as {@code application/problem+json}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(description = "Identifies the kind of problem", example = "urn:nqpf-advisor:problem:invalid-input") String type,
        @Schema(example = "Invalid region profile") String title,
        @Schema(example = "400") int status,
        String detail,
        @Schema(description = "For invalid input: each offending field by JSON path") List<Violation> violations,
        @Schema(description = "For a ruleset that does not build: each error with file and line") List<RuleError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(String kind, String title, int status, String detail) {
        return new Problem("urn:nqpf-advisor:problem:" + kind, title, status, detail, null, null);
    }

    public Problem withViolations(List<Violation> list) {
        return new Problem(type, title, status, detail, list, errors);
    }

    public Problem withErrors(List<RuleError> list) {
        return new Problem(type, title, status, detail, violations, list);
    }
}
