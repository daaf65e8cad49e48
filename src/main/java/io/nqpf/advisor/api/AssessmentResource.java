package io.nqpf.advisor.api;

import io.nqpf.advisor.api.security.AdminIdentityProvider;
import io.nqpf.advisor.assessments.AssessmentRepository;
import io.nqpf.advisor.assessments.AssessmentService;
import io.nqpf.advisor.assessments.AssessmentViews;
import io.nqpf.advisor.profile.Violation;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Assessments: saved evaluations a planner keeps, lists, annotates, replays and deletes; and each region's problem
 * list across the years (问题清单). Evaluation itself stays open to anyone; these need a planner (deleting: the
 * planner who saved it, or the administrator).
 */
@Path("/api/v1")
@Tag(name = "Assessments", description = "Keep evaluations, follow a region's problems year to year")
@SecurityScheme(securitySchemeName = "planner", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "User planner, password from ADVISOR_PLANNER_PASSWORD (unset means no planner); or an "
                + "identity of the organisation's OIDC provider with role planner (docs/security.md)")
public class AssessmentResource {

    static final String ASSESSMENTS = "/api/v1/assessments";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final Pattern REGION = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final AssessmentService service;
    private final SecurityIdentity identity;

    public AssessmentResource(AssessmentService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @Path("/assessments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(AdminIdentityProvider.PLANNER_ROLE)
    @SecurityRequirement(name = "planner")
    @Operation(operationId = "saveAssessment", summary = "Evaluate a profile and keep it as an assessment",
            description = "Evaluates the profile with the active ruleset (every countermeasure ranked) and keeps the "
                    + "profile as sent, the report as answered, the ruleset's version and hash, the decision id, who "
                    + "saved it and when. Answered once the database has committed it: a 201 survives a crash. Two "
                    + "saves of the same region and year both land; the problem list counts the later.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssessmentViews.SaveRequest.class)))
    @APIResponse(responseCode = "201", description = "Saved; Location is its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AssessmentViews.Assessment.class)))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "429", ref = "TooManyLogins")
    @APIResponse(responseCode = "503", ref = "StoreUnavailable")
    public Response save(byte[] body, @BeanParam RequestedLanguage language) {
        AssessmentViews.Assessment saved = service.save(body, language.language(), user());
        return Response.created(URI.create(ASSESSMENTS + "/" + saved.id())).entity(saved).build();
    }

    @GET
    @Path("/assessments")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({AdminIdentityProvider.PLANNER_ROLE, AdminIdentityProvider.ROLE})
    @SecurityRequirement(name = "planner")
    @Operation(operationId = "listAssessments", summary = "List assessments, newest first",
            description = "Without profiles and reports; deleted assessments are not listed.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssessmentViews.Listing.class)))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "429", ref = "TooManyLogins")
    @APIResponse(responseCode = "503", ref = "StoreUnavailable")
    public AssessmentViews.Listing list(
            @Parameter(description = "Only this region") @QueryParam("regionId") String regionId,
            @Parameter(description = "Only this year", schema = @Schema(type = SchemaType.INTEGER, minimum = "2000",
                    maximum = "2100")) @QueryParam("year") String year,
            @Parameter(description = "Only those saved by this user") @QueryParam("savedBy") String savedBy,
            @Parameter(description = "Saved on or after this day (UTC)", schema = @Schema(type = SchemaType.STRING,
                    format = "date")) @QueryParam("from") String from,
            @Parameter(description = "Saved on or before this day (UTC)", schema = @Schema(type = SchemaType.STRING,
                    format = "date")) @QueryParam("to") String to,
            @Parameter(description = "At most this many, 1 to 500 (default 50)", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "500")) @QueryParam("limit") String limit,
            @Parameter(description = "Skip this many", schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
            @QueryParam("offset") String offset) {
        if (regionId != null && !REGION.matcher(regionId).matches()) {
            throw QueryParameters.invalid("regionId", "constraint.region-id");
        }
        if (savedBy != null && (savedBy.isEmpty() || savedBy.length() > 128)) {
            throw QueryParameters.invalid("savedBy", "constraint.size", 1, 128);
        }
        Integer y = year == null ? null : QueryParameters.wholeNumber("year", year, 2000, 2100, 0);
        Instant start = day("from", from, 0);
        Instant end = day("to", to, 1);
        return service.list(new AssessmentRepository.Filter(regionId, y, savedBy, start, end),
                QueryParameters.wholeNumber("limit", limit, 1, 500, 50),
                QueryParameters.wholeNumber("offset", offset, 0, Integer.MAX_VALUE, 0));
    }

    @GET
    @Path("/assessments/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({AdminIdentityProvider.PLANNER_ROLE, AdminIdentityProvider.ROLE})
    @SecurityRequirement(name = "planner")
    @Operation(operationId = "getAssessment", summary = "Read an assessment: profile as sent, report as answered",
            description = "The saved assessment as kept: the profile as sent with each value's year and source, the report as answered, the ruleset version and hash, the decision id, who saved it and when.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssessmentViews.Assessment.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "AssessmentNotFound")
    @APIResponse(responseCode = "429", ref = "TooManyLogins")
    @APIResponse(responseCode = "503", ref = "StoreUnavailable")
    public AssessmentViews.Assessment get(@PathParam("id") String id) {
        return service.get(id(id));
    }

    @PATCH
    @Path("/assessments/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(AdminIdentityProvider.PLANNER_ROLE)
    @SecurityRequirement(name = "planner")
    @Operation(operationId = "annotateAssessment", summary = "Set an assessment's title or note",
            description = "Only title and note change; the profile and the report never do. Audited.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssessmentViews.Patch.class)))
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssessmentViews.Assessment.class)))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "AssessmentNotFound")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "429", ref = "TooManyLogins")
    @APIResponse(responseCode = "503", ref = "StoreUnavailable")
    public AssessmentViews.Assessment annotate(@PathParam("id") String id, byte[] body) {
        return service.annotate(id(id), body, user());
    }

    @DELETE
    @Path("/assessments/{id}")
    @PermissionsAllowed(AssessmentPermissions.DELETE)
    @SecurityRequirement(name = "planner")
    @SecurityRequirement(name = "admin")
    @Operation(operationId = "deleteAssessment", summary = "Delete an assessment (soft, audited)",
            description = "Only the planner who saved it, or the administrator. It is kept, marked deleted with who "
                    + "and when, and no longer read, listed or counted in the problem list.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "AssessmentNotFound")
    @APIResponse(responseCode = "429", ref = "TooManyLogins")
    @APIResponse(responseCode = "503", ref = "StoreUnavailable")
    public Response delete(@PathParam("id") String id) {
        service.delete(id(id), user());
        return Response.noContent().build();
    }

    @POST
    @Path("/assessments/{id}/replay")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({AdminIdentityProvider.PLANNER_ROLE, AdminIdentityProvider.ROLE})
    @SecurityRequirement(name = "planner")
    @Operation(operationId = "replayAssessment", summary = "Evaluate a saved profile again with the active ruleset",
            description = "The saved report stays as it was; the answer sets the report of the active ruleset beside "
                    + "it and says what the ruleset change moved. Nothing is saved.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssessmentViews.Replay.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "AssessmentNotFound")
    @APIResponse(responseCode = "429", ref = "TooManyLogins")
    @APIResponse(responseCode = "503", ref = "StoreUnavailable")
    public AssessmentViews.Replay replay(@PathParam("id") String id, @BeanParam RequestedLanguage language) {
        return service.replay(id(id), language.language());
    }

    private String user() {
        return identity.getPrincipal().getName();
    }

    static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** An assessment id is a UUID; anything else names no assessment. */
    static String id(String id) {
        if (!isId(id)) {
            throw new io.nqpf.advisor.assessments.AssessmentNotFoundException(id.length() > 40 ? id.substring(0, 40) : id);
        }
        return id;
    }

    /** The start of a day (UTC), or of the next day for an inclusive end. */
    private static Instant day(String name, String value, int plusDays) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim()).plusDays(plusDays).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new io.nqpf.advisor.profile.InvalidProfileException(QueryParameters.TITLE,
                    List.of(Violation.of(name, "query.date", value)));
        }
    }
}
