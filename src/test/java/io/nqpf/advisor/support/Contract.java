package io.nqpf.advisor.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Validates requests and responses against the committed OpenAPI document. */
public final class Contract {

    public static final Path DOCUMENT = Path.of("openapi/openapi.yaml");

    private static OpenApiValidationFilter both;
    private static OpenApiValidationFilter responses;

    private Contract() {
    }

    /** Request and response must both conform: for requests a client may legitimately send. */
    public static synchronized OpenApiValidationFilter validated() {
        if (both == null) {
            both = new OpenApiValidationFilter(builder().build());
        }
        return both;
    }

    /** Only the response must conform: for deliberately bad requests, whose problem answers are contracted too. */
    public static synchronized OpenApiValidationFilter responsesOnly() {
        if (responses == null) {
            responses = new OpenApiValidationFilter(builder()
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE).build())
                    .build());
        }
        return responses;
    }

    private static OpenApiInteractionValidator.Builder builder() {
        if (!Files.exists(DOCUMENT)) {
            throw new IllegalStateException(DOCUMENT + " is missing: run ./mvnw verify -Dopenapi.update=true once");
        }
        return OpenApiInteractionValidator.createForSpecificationUrl(DOCUMENT.toUri().toString());
    }
}
