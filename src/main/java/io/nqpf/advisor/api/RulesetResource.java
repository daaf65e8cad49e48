package io.nqpf.advisor.api;

import io.nqpf.advisor.api.security.AdminIdentityProvider;
import io.nqpf.advisor.assessments.DecisionLog;
import io.quarkus.security.identity.SecurityIdentity;
import io.nqpf.advisor.engine.RuleError;
import io.nqpf.advisor.engine.RuleInfo;
import io.nqpf.advisor.engine.Ruleset;
import io.nqpf.advisor.engine.RulesetBuilder;
import io.nqpf.advisor.service.RulesetService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/ruleset")
@Tag(name = "Ruleset", description = "Inspect, validate and reload the rules")
@SecurityScheme(securitySchemeName = "admin", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "User admin, password from ADVISOR_ADMIN_PASSWORD; unset means nobody may validate or reload")
public class RulesetResource {

    @Schema(name = "RulesetInfo")
    public record Info(String version, String sha256, Instant loadedAt, List<String> files, List<RuleInfo> rules) {
    }

    @Schema(name = "ValidationRequest", description = "Draft files by path relative to the rules directory")
    public record ValidationRequest(
            @Schema(required = true, description = "Path relative to the rules directory to file text; same paths replace active files")
            Map<String, String> files) {
    }

    @Schema(name = "ValidationResult")
    public record ValidationResult(boolean valid, List<RuleError> errors, Integer rules) {
    }

    @Schema(name = "ReloadResult")
    public record ReloadResult(String version, String sha256, Instant loadedAt, int rules) {
    }

    private final RulesetService service;
    private final DecisionLog log;
    private final SecurityIdentity identity;

    public RulesetResource(RulesetService service, DecisionLog log, SecurityIdentity identity) {
        this.service = service;
        this.log = log;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getRuleset", summary = "Describe the active ruleset",
            description = "Version, hash, load time, files and every rule with the ids it refers to.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Info.class)))
    @APIResponse(responseCode = "503", ref = "NoRuleset")
    public Info ruleset() {
        Ruleset r = service.active();
        return new Info(r.version(), r.sha256(), r.loadedAt(), r.files(), r.rules());
    }

    @POST
    @Path("/validate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(AdminIdentityProvider.ROLE)
    @SecurityRequirement(name = "admin")
    @Operation(operationId = "validateRuleset", summary = "Check draft rule files without activating them",
            description = "Builds the rules directory with the given files added or replaced, runs the scenarios of "
                    + "rules/tests against it to catch rules that never stop firing, and reports every error with "
                    + "file, line and column. Activates nothing. Requires HTTP Basic user admin; one build runs at a "
                    + "time.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ValidationRequest.class),
            examples = @ExampleObject(name = "typo", value = "{\"files\":{\"draft.drl\":\"package rules.draft;\\n"
                    + "import io.nqpf.advisor.engine.facts.*;\\nglobal io.nqpf.advisor.engine.facts.Findings findings;\\n"
                    + "rule \\\"draft\\\"\\n    @kind(diagnosis)\\nwhen\\n    Evidence( id == \\\"RD_LOWW\\\" )\\nthen\\n"
                    + "    findings.bottleneck(kcontext, \\\"B-INST-MARKET\\\");\\nend\\n\"}}")))
    @APIResponse(responseCode = "200", description = "The verdict; valid false lists the errors",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ValidationResult.class)))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "BuildAborted")
    @APIResponse(responseCode = "429", ref = "TooManyLogins")
    @APIResponse(responseCode = "503", ref = "BuildBusy")
    public ValidationResult validate(byte[] body, @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String type) {
        JsonOnly.require(type);
        RulesetBuilder.Outcome outcome = logged("validate", () -> service.validate(body));
        if (outcome.starved()) {
            throw new BuildStarvedException(outcome.errors());
        }
        if (outcome.aborted()) {
            throw new BuildAbortedException(outcome.errors());
        }
        return new ValidationResult(outcome.ok(), outcome.errors(), outcome.ok() ? outcome.ruleset().rules().size() : null);
    }

    @POST
    @Path("/reload")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(AdminIdentityProvider.ROLE)
    @SecurityRequirement(name = "admin")
    @Operation(operationId = "reloadRuleset", summary = "Rebuild the rules from the rules directory and activate them",
            description = "Builds aside, runs the scenarios of rules/tests against the new rules to catch rules that "
                    + "never stop firing, and swaps atomically on success. On failure answers 422 with the errors and "
                    + "the previous ruleset keeps serving. Requires HTTP Basic user admin and Content-Type "
                    + "application/json (the body may be empty), so that a cross-site form cannot trigger it. With "
                    + "several replicas behind one address it reaches the one the balancer picks, which rebuilds now "
                    + "from the rules directory all replicas mount; the others build the same files through their "
                    + "watchers within the documented bound (docs/operations.md), so replicas never serve different "
                    + "rules for longer; readiness and advisor_ruleset_info show each replica's version.")
    @RequestBody(required = false, description = "Nothing is read from it: send {} (or no body). What is required is "
            + "the Content-Type application/json, which a generated client sends with the body",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.OBJECT, maxProperties = 0),
                    examples = @ExampleObject(name = "empty", value = "{}")))
    @APIResponse(responseCode = "200", description = "The new ruleset is active",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReloadResult.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "RulesetInvalid")
    @APIResponse(responseCode = "429", ref = "TooManyLogins")
    @APIResponse(responseCode = "503", ref = "BuildBusy")
    public Response reload(@Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        JsonOnly.require(type);
        RulesetBuilder.Outcome outcome = logged("reload", service::reload);
        if (outcome.starved()) {
            throw new BuildStarvedException(outcome.errors());
        }
        if (outcome.aborted()) {
            throw new BuildAbortedException(outcome.errors());
        }
        if (!outcome.ok()) {
            return ProblemMapper.rulesetInvalid(outcome.errors().size(), service.activeVersion(), outcome.errors(),
                    ProblemMapper.language(uri, headers));
        }
        Ruleset r = outcome.ruleset();
        return Response.ok(new ReloadResult(r.version(), r.sha256(), r.loadedAt(), r.rules().size())).build();
    }

    /**
     * Runs an administrator's action and records it in the decision log, whatever its outcome: who, what, the
     * outcome, and the active ruleset before and after.
     */
    private RulesetBuilder.Outcome logged(String action, java.util.function.Supplier<RulesetBuilder.Outcome> run) {
        String before = service.activeVersion();
        String outcome = "failed";
        String detail = null;
        try {
            RulesetBuilder.Outcome result = run.get();
            outcome = result.starved() ? "busy" : result.aborted() ? "aborted" : result.ok() ? "ok" : "invalid";
            if (!result.ok() && !result.errors().isEmpty()) {
                detail = result.errors().size() + " errors; first: " + result.errors().get(0).file() + ":"
                        + result.errors().get(0).line() + " " + result.errors().get(0).message();
            }
            return result;
        } catch (io.nqpf.advisor.engine.BuildLimiter.BusyException e) {
            outcome = "busy";
            throw e;
        } catch (io.nqpf.advisor.profile.InvalidProfileException e) {
            outcome = "bad-request";
            throw e;
        } finally {
            log.admin(new DecisionLog.AdminAction(Instant.now(), identity.getPrincipal().getName(), action, outcome,
                    before, service.activeVersion(), detail));
        }
    }
}
