package io.nqpf.advisor.api;

import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.report.ComparisonReport;
import io.nqpf.advisor.report.Report;
import io.nqpf.advisor.service.BatchItem;
import io.nqpf.advisor.service.RecommendationService;
import io.nqpf.advisor.report.ReportAssembler;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/recommendations")
@Tag(name = "Recommendations", description = "Diagnose a region and rank countermeasures")
public class RecommendationResource {

    private final RecommendationService service;

    public RecommendationResource(RecommendationService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "evaluateRegion", summary = "Evaluate one region profile",
            description = "Validates the profile, runs it through the active ruleset and answers the bottlenecks that "
                    + "hold the region back and a ranked list of countermeasures, each explained with the region's own "
                    + "numbers and cited to the source documents.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RegionProfile.class),
            examples = @ExampleObject(name = "minimal", summary = "A small profile",
                    value = "{\"regionId\":\"demo-1\",\"name\":\"示例市（虚构数据）\",\"year\":2023,\"level\":\"PREFECTURE\","
                            + "\"typology\":{\"resourceType\":\"COAL\",\"resourceCityStage\":\"DECLINING\"},"
                            + "\"economy\":{\"resourceIndustrySharePct\":55,\"privateEconomySharePct\":38},"
                            + "\"innovation\":{\"rdIntensityPct\":0.6}}")))
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Report.class)))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "NoRuleset")
    public Report evaluate(byte[] body, @BeanParam RequestedLanguage language,
            @Parameter(description = "full adds the trace of fired rules",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"full"}))
            @QueryParam("explain") String explain,
            @Parameter(description = "The most countermeasures to list, 1 to 100; 12 when absent",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "12"))
            @QueryParam("limit") String limit) {
        return service.evaluate(body, language.language(), explainFull(explain), limit(limit));
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "evaluateBatch", summary = "Evaluate up to 1,000 region profiles",
            description = "Every profile is validated and evaluated on its own with the same ruleset: one bad profile "
                    + "fails only itself, answered by its problem in its place. Results keep request order.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BatchSchemas.BatchRequest.class)))
    @APIResponse(responseCode = "200", description = "One result per profile",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BatchSchemas.BatchResponse.class)))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "NoRuleset")
    public BatchSchemas.BatchResponse batch(byte[] body, @BeanParam RequestedLanguage language,
            @Parameter(description = "The most countermeasures to list in each report, 1 to 100; 12 when absent",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "12"))
            @QueryParam("limit") String limit) {
        List<BatchSchemas.BatchResult> results = service.evaluateBatch(body, language.language(), limit(limit)).stream()
                .map(RecommendationResource::result).toList();
        int evaluated = (int) results.stream().filter(r -> r.report() != null).count();
        return new BatchSchemas.BatchResponse(results, evaluated, results.size() - evaluated);
    }

    private static BatchSchemas.BatchResult result(BatchItem item) {
        Problem problem = item.evaluated() ? null
                : item.invalid() != null ? ProblemMapper.problem(item.invalid()) : ProblemMapper.runawayProblem(item.runaway());
        return new BatchSchemas.BatchResult(item.index(), item.regionId(), item.report(), problem);
    }

    @POST
    @Path("/compare")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "compareRegions", summary = "Compare two profiles, e.g. one region in two years",
            description = "Evaluates both with the same ruleset and answers which bottlenecks were resolved, which are "
                    + "new and which persist with their severity deltas, which countermeasures moved in rank, and which "
                    + "indicator changes caused it.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BatchSchemas.CompareRequest.class)))
    @APIResponse(responseCode = "200", description = "The comparison",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComparisonReport.class)))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "NoRuleset")
    public ComparisonReport compare(byte[] body, @BeanParam RequestedLanguage language) {
        return service.compare(body, language.language());
    }

    /** The {@code limit} parameter: a whole number from 1 to 100, 12 when absent. */
    private static int limit(String limit) {
        return QueryParameters.wholeNumber("limit", limit, 1, 100, ReportAssembler.DEFAULT_LIMIT);
    }

    private static boolean explainFull(String explain) {
        if (explain == null) {
            return false;
        }
        if (!explain.equals("full")) {
            throw QueryParameters.invalid("explain", "must be full or absent (was " + explain + ")");
        }
        return true;
    }
}
