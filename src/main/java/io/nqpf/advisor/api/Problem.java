package io.nqpf.advisor.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.nqpf.advisor.engine.RuleError;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.Text;
import io.nqpf.advisor.profile.Violation;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail, served as {@code application/problem+json}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details. title, detail and each violation's message are in "
        + "the request's language (lang, else Accept-Language, else zh-CN); type, status and fields are not translated")
public record Problem(
        @Schema(description = "Identifies the kind of problem", example = "urn:nqpf-advisor:problem:invalid-input") String type,
        @Schema(example = "Invalid region profile") String title,
        @Schema(example = "400") int status,
        String detail,
        @Schema(description = "For invalid input: each offending field by JSON path") List<FieldMessage> violations,
        @Schema(description = "For a ruleset that does not build: each error with file and line") List<RuleError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(String kind, String title, int status, String detail) {
        return new Problem("urn:nqpf-advisor:problem:" + kind, title, status, detail, null, null);
    }

    /** A problem whose title and detail are texts of the {@code messages/problems} bundle, rendered in {@code language}. */
    public static Problem of(String kind, Text title, int status, Text detail, Language language) {
        return of(kind, title.in(language), status, detail.in(language));
    }

    /** One invalid field of a problem answer: the field is machine-readable, the message is in the request's language. */
    @Schema(name = "Violation", description = "One invalid field of the request")
    public record FieldMessage(
            @Schema(description = "JSON path of the field in the request body, or the query parameter's name",
                    example = "innovation.rdIntensityPct") String field,
            @Schema(description = "What is wrong, in the request's language (lang, else Accept-Language, else zh-CN)",
                    example = "must be less than or equal to 20 (was 25)") String message,
            @Schema(description = "For an uploaded spreadsheet: the cell, with its sheet (地区!F7), or the row or "
                    + "column the problem is in; absent for JSON bodies", example = "地区!F7", nullable = true)
            String cell) {

        public FieldMessage(String field, String message) {
            this(field, message, null);
        }
    }

    /** Each violation with its message rendered in {@code language}; the field is kept as it is. */
    public Problem withViolations(List<Violation> list, Language language) {
        return new Problem(type, title, status, detail,
                list.stream().map(v -> new FieldMessage(v.field(), v.text().in(language), v.cell())).toList(), errors);
    }

    public Problem withErrors(List<RuleError> list) {
        return new Problem(type, title, status, detail, violations, list);
    }
}
