package io.nqpf.advisor.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Every API operation may be turned away before it starts (see docs/security.md): 429 when the client has too many
 * requests in flight, 503 when the service is at capacity, both with Retry-After. The document says so on each
 * operation under /api/ that does not already describe a 429 or a 503 of its own (those descriptions mention it).
 */
final class AdmissionResponses {

    static final String TOO_MANY = "TooManyRequests";
    static final String SATURATED = "Saturated";

    private AdmissionResponses() {
    }

    static void add(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getPaths() == null) {
            return;
        }
        openAPI.getComponents().addResponse(TOO_MANY, problem("This client has too many requests in flight "
                + "(advisor.limits.requests-per-client); Retry-After says when to try again"));
        openAPI.getComponents().addResponse(SATURATED, problem("The service is at capacity: as many requests in flight "
                + "as it admits, or their bodies would hold more memory than it allows; Retry-After says when to try "
                + "again, and readiness is DOWN meanwhile"));
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().values().forEach(AdmissionResponses::addTo);
            }
        });
    }

    private static void addTo(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return;
        }
        if (!responses.hasAPIResponse("429")) {
            responses.addAPIResponse("429", OASFactory.createAPIResponse().ref(TOO_MANY));
        }
        if (!responses.hasAPIResponse("503")) {
            responses.addAPIResponse("503", OASFactory.createAPIResponse().ref(SATURATED));
        }
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("Problem"))));
    }
}
