package io.nqpf.advisor.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.nqpf.advisor.config.AdvisorConfig;
import io.nqpf.advisor.engine.Ruleset;
import io.nqpf.advisor.engine.RunawayRulesException;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.BatchReader;
import io.nqpf.advisor.profile.InvalidProfileException;
import io.nqpf.advisor.profile.ProfileReader;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.profile.Violation;
import io.nqpf.advisor.report.RecommendationService;
import io.nqpf.advisor.report.ComparisonReport;
import io.nqpf.advisor.report.Report;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
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
    private final ProfileReader reader;
    private final long maxBodyBytes;
    private final long maxBatchBytes;
    private final int maxBatchProfiles;

    public RecommendationResource(RecommendationService service, ProfileReader reader, AdvisorConfig config) {
        this.service = service;
        this.reader = reader;
        this.maxBodyBytes = config.limits().profileBytes();
        this.maxBatchBytes = config.limits().batchBytes();
        this.maxBatchProfiles = config.limits().batchProfiles();
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
    @APIResponse(responseCode = "400", description = "Malformed JSON, wrong types, unknown fields, out-of-range values, "
            + "inconsistent shares, or a bad query parameter; violations name each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "NoRuleset")
    public Report evaluate(byte[] body,
            @Parameter(description = "Language of the report; else Accept-Language; else zh-CN",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"zh-CN", "en"}))
            @QueryParam("lang") String lang,
            @Parameter(description = "full adds the trace of fired rules",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"full"}))
            @QueryParam("explain") String explain,
            @Parameter(hidden = true) @HeaderParam("Accept-Language") String acceptLanguage) {
        Language language = Languages.choose(lang, acceptLanguage);
        boolean full = explainFull(explain);
        limit(body, maxBodyBytes);
        RegionProfile profile = reader.read(body, RegionProfile.class);
        return service.evaluate(profile, language, full);
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
    @APIResponse(responseCode = "400", description = "The body is not a batch request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "More than 1,000 profiles, or a body larger than the limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "NoRuleset")
    public BatchSchemas.BatchResponse batch(byte[] body,
            @Parameter(description = "Language of the reports; else Accept-Language; else zh-CN",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"zh-CN", "en"}))
            @QueryParam("lang") String lang,
            @Parameter(hidden = true) @HeaderParam("Accept-Language") String acceptLanguage) {
        Language language = Languages.choose(lang, acceptLanguage);
        limit(body, maxBatchBytes);
        List<BatchReader.Item> items;
        try {
            items = new BatchReader(reader, maxBatchProfiles, maxBodyBytes).read(body);
        } catch (BatchReader.TooManyProfilesException e) {
            throw new PayloadTooLargeException(e.getMessage());
        }
        Ruleset ruleset = service.ruleset();
        BatchSchemas.BatchResult[] results = new BatchSchemas.BatchResult[items.size()];
        IntStream.range(0, items.size()).parallel().forEach(i -> results[i] = one(items.get(i), language, ruleset));
        int failed = (int) Arrays.stream(results).filter(r -> r.problem() != null).count();
        return new BatchSchemas.BatchResponse(List.of(results), results.length - failed, failed);
    }

    private BatchSchemas.BatchResult one(BatchReader.Item item, Language language, Ruleset ruleset) {
        if (item.problem() != null) {
            return new BatchSchemas.BatchResult(item.index(), item.regionId(), null, ProblemMapper.problem(item.problem()));
        }
        try {
            return new BatchSchemas.BatchResult(item.index(), item.regionId(),
                    service.evaluate(item.profile(), language, false, ruleset), null);
        } catch (RunawayRulesException e) {
            return new BatchSchemas.BatchResult(item.index(), item.regionId(), null, ProblemMapper.runawayProblem(e));
        }
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
    @APIResponse(responseCode = "400", description = "Either profile is invalid; fields are named as before.… / after.…",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "NoRuleset")
    public ComparisonReport compare(byte[] body,
            @Parameter(description = "Language; else Accept-Language; else zh-CN",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"zh-CN", "en"}))
            @QueryParam("lang") String lang,
            @Parameter(hidden = true) @HeaderParam("Accept-Language") String acceptLanguage) {
        Language language = Languages.choose(lang, acceptLanguage);
        limit(body, 2 * maxBodyBytes);
        JsonNode root = ProfileReader.tree(body);
        List<Violation> violations = new ArrayList<>();
        if (!RequestEnvelope.check(root, "before and after", violations, "before", "after")) {
            throw new InvalidProfileException("Invalid comparison request", violations);
        }
        RegionProfile before = side(root, "before", violations);
        RegionProfile after = side(root, "after", violations);
        if (!violations.isEmpty()) {
            throw new InvalidProfileException("Invalid comparison request", violations);
        }
        return service.compare(before, after, language);
    }

    private RegionProfile side(JsonNode root, String name, List<Violation> violations) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            violations.add(new Violation(name, "must not be null"));
            return null;
        }
        try {
            return reader.read(node, RegionProfile.class);
        } catch (InvalidProfileException e) {
            e.violations().forEach(v -> violations.add(new Violation(
                    v.field().isEmpty() ? name : name + "." + v.field(), v.message())));
            return null;
        }
    }

    static boolean explainFull(String explain) {
        if (explain == null) {
            return false;
        }
        if (!explain.equals("full")) {
            throw new InvalidProfileException("Invalid query parameter",
                    List.of(new Violation("explain", "must be full or absent (was " + explain + ")")));
        }
        return true;
    }

    static void limit(byte[] body, long max) {
        if (body != null && body.length > max) {
            throw new PayloadTooLargeException("The body has " + body.length + " bytes; the limit is " + max + " bytes");
        }
    }
}
