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
        @APIResponse(name = "InvalidInput", responseCode = "400", description = "Malformed JSON, wrong types, unknown "
                + "fields, out-of-range or inconsistent values, or a bad query parameter; violations name each field "
                + "by JSON path (in a comparison as before.… / after.…); title, detail and messages are in the "
                + "request's language (lang, else Accept-Language, else zh-CN)",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
        @APIResponse(name = "UnknownRegion", responseCode = "404", description = "No region of the census table has "
                + "this code; the detail names it",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
        @APIResponse(name = "NoCensusFigures", responseCode = "422", description = "The region exists but the census "
                + "of that year published no population for it (e.g. 三沙 in 2010)",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
        @APIResponse(name = "PayloadTooLarge", responseCode = "413", description = "Body larger than the limit of "
                + "the operation, or a batch of more profiles than allowed (1,000)",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
        @APIResponse(name = "UnsupportedMediaType", responseCode = "415", description = "Body of a media type the operation "
                + "does not accept (application/json; the batch also takes XLSX and CSV)",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
        @APIResponse(name = "NoRuleset", responseCode = "503", description = "No ruleset is active, or the active "
                + "ruleset ran away on this profile (a rule kept firing past the limit; the problem names the version), or the "
                + "service is at capacity (type urn:nqpf-advisor:problem:saturated, with Retry-After)",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
        @APIResponse(name = "Unauthorized", responseCode = "401", description = "Missing or wrong admin credentials, "
                + "or rule administration disabled (no ADVISOR_ADMIN_PASSWORD); answered before the body is read",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
        @APIResponse(name = "TooManyLogins", responseCode = "429", description = "Too many failed admin logins from "
                + "this address for this account, or this client has too many requests in flight; Retry-After says "
                + "when to try again",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
        @APIResponse(name = "BuildBusy", responseCode = "503", description = "Another ruleset build is running, "
                + "or the service is at capacity, or a build was stopped at its wall-clock limit with little CPU "
                + "used because the machine is busy (the rules are not to blame); Retry-After says when to try again",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
        @APIResponse(name = "BuildAborted", responseCode = "422", description = "The build itself failed: it ran past "
                + "its CPU time limit or the compiler could not handle the rules (e.g. nesting too deep)",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
        @APIResponse(name = "Forbidden", responseCode = "403", description = "The user is known but may not do "
                + "this: an operation of the administrator, or of a planner, or deleting another planner's assessment",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
        @APIResponse(name = "AssessmentNotFound", responseCode = "404", description = "No assessment has this id (or "
                + "it was deleted), or the region has no saved assessment",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
        @APIResponse(name = "StoreUnavailable", responseCode = "503", description = "The database of assessments does "
                + "not answer; evaluation is not affected. Retry-After says when to try again",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
        @APIResponse(name = "RulesetInvalid", responseCode = "422", description = "The rules do not build, or the "
                + "build was aborted; nothing changed, the errors name file and line",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))}))
public class ApiDefinition extends Application {
}
