package io.nqpf.advisor.api;

import io.nqpf.advisor.api.security.AdminIdentityProvider;
import io.nqpf.advisor.assessments.AssessmentViews;
import io.nqpf.advisor.assessments.ProblemList;
import io.nqpf.advisor.spreadsheets.SheetUpload;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
    private final SpreadsheetAnswers sheets;

    public RegionProblemsResource(ProblemList problems, SpreadsheetAnswers sheets) {
        this.problems = problems;
        this.sheets = sheets;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, SheetUpload.XLSX})
    @RolesAllowed({AdminIdentityProvider.PLANNER_ROLE, AdminIdentityProvider.ROLE})
    @SecurityRequirement(name = "planner")
    @Operation(operationId = "regionProblems", summary = "The problem list of a region across its saved years (问题清单)",
            description = "Every bottleneck of the region's saved assessments (each year counts its latest), with the "
                    + "year first seen, its severity each year, the measures recommended each year and its state in "
                    + "the latest year: OPEN, PERSISTING, RESOLVED (with the changed values that cleared it), "
                    + "BENCHMARK_SHIFT (cleared only by the national figure's move) or NOT_OBSERVABLE (data missing). "
                    + "With format=xlsx (or Accept: " + SheetUpload.XLSX + ") the same list as a workbook: one row "
                    + "per problem, a severity column per year, the evidence of its state and the measures.")
    @APIResponse(responseCode = "200", content = {@Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssessmentViews.RegionProblems.class)),
            @Content(mediaType = SheetUpload.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    description = "The problem list as a workbook (docs/spreadsheets.md)"))})
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "AssessmentNotFound")
    @APIResponse(responseCode = "429", ref = "TooManyLogins")
    @APIResponse(responseCode = "503", ref = "StoreUnavailable")
    public Object problems(@PathParam("regionId") String regionId, @BeanParam RequestedLanguage language,
            @BeanParam AnswerFormat answer) {
        if (!AssessmentResource.REGION.matcher(regionId).matches()) {
            throw QueryParameters.invalid("regionId", "constraint.region-id");
        }
        boolean workbook = answer.sheet(false).isPresent();
        AssessmentViews.RegionProblems list = problems.of(regionId, language.language());
        return workbook ? sheets.problemList(list, language.language()) : list;
    }

}
