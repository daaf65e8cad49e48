package io.nqpf.advisor.api;

import io.nqpf.advisor.api.security.AdminIdentityProvider;
import io.nqpf.advisor.assessments.AssessmentViews;
import io.nqpf.advisor.assessments.ProblemList;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A region's problem list (问题清单) across its saved assessments; a path of its own beside the region directory. */
@Path("/api/v1/regions/{regionId}/problems")
@Tag(name = "Assessments")
public class RegionProblemsResource {

    private final ProblemList problems;

    public RegionProblemsResource(ProblemList problems) {
        this.problems = problems;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({AdminIdentityProvider.PLANNER_ROLE, AdminIdentityProvider.ROLE})
    @SecurityRequirement(name = "planner")
    @Operation(operationId = "regionProblems", summary = "The problem list of a region across its saved years (问题清单)",
            description = "Every bottleneck of the region's saved assessments (each year counts its latest), with the "
                    + "year first seen, its severity each year, the measures recommended each year and its state in "
                    + "the latest year: OPEN, PERSISTING, RESOLVED (with the changed values that cleared it), "
                    + "BENCHMARK_SHIFT (cleared only by the national figure's move) or NOT_OBSERVABLE (data missing).")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssessmentViews.RegionProblems.class)))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "AssessmentNotFound")
    @APIResponse(responseCode = "429", ref = "TooManyLogins")
    @APIResponse(responseCode = "503", ref = "StoreUnavailable")
    public AssessmentViews.RegionProblems problems(@PathParam("regionId") String regionId,
            @BeanParam RequestedLanguage language) {
        if (!AssessmentResource.REGION.matcher(regionId).matches()) {
            throw QueryParameters.invalid("regionId", "constraint.region-id");
        }
        return problems.of(regionId, language.language());
    }

}
