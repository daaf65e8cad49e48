package io.nqpf.advisor.api;

import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.InvalidProfileException;
import io.nqpf.advisor.profile.ProfileReader;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.profile.Violation;
import io.nqpf.advisor.report.RecommendationService;
import io.nqpf.advisor.report.Report;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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

    public RecommendationResource(RecommendationService service, ProfileReader reader,
            @ConfigProperty(name = "advisor.limits.profile-bytes", defaultValue = "262144") long maxBodyBytes) {
        this.service = service;
        this.reader = reader;
        this.maxBodyBytes = maxBodyBytes;
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
    @APIResponse(responseCode = "413", description = "Body larger than the limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Body is not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "No ruleset is active",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
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
