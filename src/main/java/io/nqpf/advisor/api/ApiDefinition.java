package io.nqpf.advisor.api;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Problem responses shared by the operations, referenced by name ({@code ref = "PayloadTooLarge"}). */
@OpenAPIDefinition(info = @Info(title = "nqpf-advisor API", version = "1.0.0"), components = @Components(responses = {
        @APIResponse(name = "PayloadTooLarge", responseCode = "413", description = "Body larger than the limit",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
        @APIResponse(name = "UnsupportedMediaType", responseCode = "415", description = "Body is not application/json",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
        @APIResponse(name = "NoRuleset", responseCode = "503", description = "No ruleset is active",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))}))
public class ApiDefinition extends Application {
}
