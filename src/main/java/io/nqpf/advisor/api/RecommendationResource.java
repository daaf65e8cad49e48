package io.nqpf.advisor.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.BatchReader;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.report.ComparisonReport;
import io.nqpf.advisor.report.Report;
import io.nqpf.advisor.report.ReportSummary;
import io.nqpf.advisor.service.BatchItem;
import io.nqpf.advisor.service.RecommendationService;
import io.nqpf.advisor.service.ReportOptions;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import io.nqpf.advisor.spreadsheets.SheetUpload;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
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

    static final String NDJSON = "application/x-ndjson";
    /** A small valid profile: the request examples, which Swagger UI's "Try it out" sends as they are. */
    static final String PROFILE = "{\"regionId\":\"demo-1\",\"name\":\"示例市（虚构数据）\",\"year\":2023,"
            + "\"level\":\"PREFECTURE\",\"typology\":{\"resourceType\":\"COAL\",\"resourceCityStage\":\"DECLINING\"},"
            + "\"economy\":{\"resourceIndustrySharePct\":55,\"privateEconomySharePct\":38},"
            + "\"innovation\":{\"rdIntensityPct\":0.6}}";
    private static final String LATER = "{\"regionId\":\"demo-1\",\"name\":\"示例市（虚构数据）\",\"year\":2025,"
            + "\"level\":\"PREFECTURE\",\"typology\":{\"resourceType\":\"COAL\",\"resourceCityStage\":\"DECLINING\"},"
            + "\"economy\":{\"resourceIndustrySharePct\":41,\"privateEconomySharePct\":47},"
            + "\"innovation\":{\"rdIntensityPct\":1.4}}";
    private static final String BATCH = "{\"profiles\":[" + PROFILE + ",{\"regionId\":\"demo-2\",\"name\":"
            + "\"示例县（虚构数据）\",\"year\":2023,\"level\":\"COUNTY\",\"talent\":{\"agedSharePct\":21.5}}]}";
    private static final String COMPARE = "{\"before\":" + PROFILE + ",\"after\":" + LATER + "}";
    private static final MediaType NDJSON_TYPE = MediaType.valueOf(NDJSON);

    private final RecommendationService service;
    private final ObjectMapper json;
    private final SpreadsheetAnswers sheets;

    public RecommendationResource(RecommendationService service, ObjectMapper json, SpreadsheetAnswers sheets) {
        this.service = service;
        this.json = json;
        this.sheets = sheets;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, SheetUpload.XLSX})
    @Operation(operationId = "evaluateRegion", summary = "Evaluate one region profile",
            description = "Validates the profile, runs it through the active ruleset and answers the bottlenecks that "
                    + "hold the region back and a ranked list of countermeasures, each explained with the region's own "
                    + "numbers and cited to the source documents.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RegionProfile.class),
            examples = @ExampleObject(name = "minimal", summary = "A small profile", value = PROFILE)))
    @APIResponse(responseCode = "200", description = "The full report (the summary is POST "
            + "/api/v1/recommendations/summary)",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Report.class)),
                    @Content(mediaType = SheetUpload.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary",
                            description = "With Accept: " + SheetUpload.XLSX + " or format=xlsx: the full report as a "
                                    + "workbook (overview, bottlenecks with evidence, measures, data gaps)"))})
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "NoRuleset")
    public Object evaluate(byte[] body, @BeanParam RequestedLanguage language, @BeanParam ReportParameters report,
            @Parameter(description = "full adds the trace of fired rules (full view only)",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"full"}))
            @QueryParam("explain") String explain, @BeanParam AnswerFormat answer) {
        ReportOptions options = report.options(language.language(), explainFull(explain));
        if (answer.sheet(false).isPresent()) {
            return sheets.report(service.evaluate(body, ReportOptions.full(options.language(), false, options.limit())),
                    options.language());
        }
        return whole(service.evaluate(body, options));
    }

    @POST
    @Path("/summary")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "evaluateRegionSummary", summary = "Evaluate one region profile: the summary",
            description = "The same decision as evaluateRegion without its texts: ids, levels, severities, scores with "
                    + "their breakdown points, stage, clearsWhen and coverage (texts are in the catalog). Several times "
                    + "smaller and faster. The same answer as evaluateRegion with view=summary, which older clients "
                    + "send.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RegionProfile.class),
            examples = @ExampleObject(name = "minimal", summary = "A small profile", value = PROFILE)))
    @APIResponse(responseCode = "200", description = "The summary",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReportSummary.class)))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "NoRuleset")
    public Object evaluateSummary(byte[] body, @BeanParam RequestedLanguage language,
            @BeanParam ReportParameters report) {
        return whole(service.evaluate(body, report.summaryOptions(language.language())));
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, NDJSON, SheetUpload.XLSX, SheetUpload.CSV})
    @Operation(operationId = "evaluateBatch", summary = "Evaluate up to 1,000 region profiles",
            description = "Every profile is validated and evaluated on its own with the same ruleset: one bad profile "
                    + "fails only itself, answered by its problem in its place. Results keep request order. With "
                    + "Accept: application/x-ndjson the results are streamed instead, one BatchResult per line in "
                    + "request order, each line sent as soon as its profile is evaluated, so that neither side holds "
                    + "the whole answer; a last line {\"complete\": true, \"count\": N, \"failed\": F} says that the stream is "
                    + "whole, so that a stream cut short is recognised by its missing last line. A body that is no batch "
                    + "at all is still refused with one problem. "
                    + "The body may also be a spreadsheet of the template's columns (GET /api/v1/spreadsheets/template), "
                    + "as a workbook (" + SheetUpload.XLSX + ") or CSV (text/csv): one profile per row, read as the file "
                    + "arrives, never held whole; each refused value names its cell (地区!F7) and field. With Accept: "
                    + SheetUpload.XLSX + " (or format=xlsx) the answer is a workbook of full reports; with Accept: "
                    + "text/csv (or format=csv) the overview as CSV.")
    @RequestBody(required = true, content = {@Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BatchSchemas.BatchRequest.class),
            examples = @ExampleObject(name = "two", summary = "A city and a county", value = BATCH)),
            @Content(mediaType = SheetUpload.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    description = "A workbook of the template's columns: row 2 holds the field paths, one region per "
                            + "row below; docs/spreadsheets.md")),
            @Content(mediaType = SheetUpload.CSV, schema = @Schema(type = SchemaType.STRING,
                    description = "The template's CSV form: UTF-8 (a byte order mark is skipped) or GB 18030, the field "
                            + "paths in a header row, one region per row"))})
    @APIResponse(responseCode = "200", description = "One full report or problem per profile: one JSON object (the "
            + "default) or, with Accept: application/x-ndjson, one BatchResult per line and a last BatchEnd line; a "
            + "workbook or CSV when asked for. Summaries: POST /api/v1/recommendations/batch/summary",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BatchSchemas.BatchResponse.class)),
                    @Content(mediaType = NDJSON, schema = @Schema(description = "One line each: a BatchResult per profile, "
                            + "then one BatchEnd", oneOf = {BatchSchemas.BatchResult.class, BatchSchemas.BatchEnd.class})),
                    @Content(mediaType = SheetUpload.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary",
                            description = "Overview, bottlenecks with evidence, measures, data gaps, refused rows")),
                    @Content(mediaType = SheetUpload.CSV, schema = @Schema(type = SchemaType.STRING,
                            description = "The overview, one row per region, UTF-8 with a byte order mark"))})
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "NoRuleset")
    public Response batch(byte[] body, @BeanParam RequestedLanguage language, @BeanParam ReportParameters report,
            @Context HttpHeaders headers, @BeanParam AnswerFormat answer) {
        ReportOptions options = report.options(language.language(), false);
        Optional<String> sheet = answer.sheet(true);
        List<BatchReader.Item> items = service.readBatch(body);
        if (sheet.isPresent()) {
            return sheets.batch(items.iterator(), options, sheet.get(), () -> { });
        }
        return results(items.iterator(), options, headers, false, () -> { });
    }

    @POST
    @Path("/batch/summary")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, NDJSON})
    @Operation(operationId = "evaluateBatchSummary", summary = "Evaluate up to 1,000 region profiles: summaries",
            description = "evaluateBatch answering each profile's summary (evaluateRegionSummary) instead of its full "
                    + "report; the same as evaluateBatch with view=summary, which older clients send. With Accept: "
                    + "application/x-ndjson one BatchSummaryResult per line, then one BatchEnd line.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BatchSchemas.BatchRequest.class),
            examples = @ExampleObject(name = "two", summary = "A city and a county", value = BATCH)))
    @APIResponse(responseCode = "200", description = "One summary or problem per profile",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BatchSchemas.BatchSummaryResponse.class)),
                    @Content(mediaType = NDJSON, schema = @Schema(description = "One line each: a BatchSummaryResult "
                            + "per profile, then one BatchEnd",
                            oneOf = {BatchSchemas.BatchSummaryResult.class, BatchSchemas.BatchEnd.class}))})
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "NoRuleset")
    public Response batchSummary(byte[] body, @BeanParam RequestedLanguage language,
            @BeanParam ReportParameters report, @Context HttpHeaders headers) {
        ReportOptions options = report.summaryOptions(language.language());
        return results(service.readBatch(body).iterator(), options, headers, true, () -> { });
    }

    /** The same operation for a spreadsheet body (XLSX or CSV): its rows are the profiles of the batch. */
    @POST
    @Path("/batch")
    @Consumes({SheetUpload.XLSX, SheetUpload.CSV})
    @Produces({MediaType.APPLICATION_JSON, NDJSON, SheetUpload.XLSX, SheetUpload.CSV})
    @Operation(hidden = true)
    public Response batchSheet(InputStream body, @BeanParam RequestedLanguage language,
            @BeanParam ReportParameters report, @Context HttpHeaders headers, @BeanParam AnswerFormat answer) {
        ReportOptions options = report.options(language.language(), false);
        Optional<String> sheet = answer.sheet(true);
        SheetUpload upload = sheets.receive(body, SpreadsheetAnswers.csv(headers));
        try {
            Iterator<BatchReader.Item> items = upload.items();
            Response response = sheet.isPresent() ? sheets.batch(items, options, sheet.get(), upload::close)
                    : results(items, options, headers, false, upload::close);
            return Response.fromResponse(response).header("X-Total-Count", upload.rows()).build();
        } catch (RuntimeException e) {
            upload.close();
            throw e;
        }
    }

    /** The results of a batch as NDJSON or as one JSON object, each written as its profile is evaluated. */
    private Response results(Iterator<BatchReader.Item> items, ReportOptions options, HttpHeaders headers,
            boolean summaries, Runnable done) {
        if (wantsNdjson(headers)) {
            StreamingOutput lines = out -> {
                try {
                    int[] counts = new int[2];
                    service.evaluateBatch(items, options, item -> {
                        counts[0]++;
                        counts[1] += item.evaluated() ? 0 : 1;
                        writeLine(out, result(item, options.language(), summaries));
                    });
                    // the last line says the stream is whole: a stream cut short (a restart, a network failure) lacks it
                    writeLine(out, new BatchSchemas.BatchEnd(true, counts[0], counts[1]));
                } finally {
                    done.run();
                }
            };
            return Response.ok(lines, NDJSON).build();
        }
        // the BatchResponse object, written result by result so that it is not held whole either
        StreamingOutput object = out -> {
            try (JsonGenerator generator = json.getFactory().createGenerator(out)) {
                generator.writeStartObject();
                generator.writeArrayFieldStart("results");
                int[] counts = new int[2];
                service.evaluateBatch(items, options, item -> {
                    counts[0] += item.evaluated() ? 1 : 0;
                    counts[1] += item.evaluated() ? 0 : 1;
                    try {
                        json.writeValue(generator, result(item, options.language(), summaries));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                generator.writeEndArray();
                generator.writeNumberField("evaluated", counts[0]);
                generator.writeNumberField("failed", counts[1]);
                generator.writeEndObject();
            } finally {
                done.run();
            }
        };
        return Response.ok(object, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private void writeLine(java.io.OutputStream out, Object line) {
        try {
            out.write(json.writeValueAsBytes(line));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** NDJSON only when the client prefers it to JSON; no Accept, a wildcard or a tie answers the JSON object. */
    private static boolean wantsNdjson(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (type.isCompatible(NDJSON_TYPE)) {
                return true;
            }
        }
        return false;
    }

    private static Object result(BatchItem item, Language language, boolean summaries) {
        Problem problem = item.evaluated() ? null : item.invalid() != null ? ProblemMapper.problem(item.invalid(), language)
                : ProblemMapper.runawayProblem(item.runaway(), language);
        return summaries
                ? new BatchSchemas.BatchSummaryResult(item.index(), item.regionId(), (ReportSummary) item.report(), problem)
                : new BatchSchemas.BatchResult(item.index(), item.regionId(), item.report(), problem);
    }

    @POST
    @Path("/compare")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, SheetUpload.XLSX})
    @Operation(operationId = "compareRegions", summary = "Compare two profiles, e.g. one region in two years",
            description = "Evaluates both with the same ruleset and answers which bottlenecks were resolved, which are "
                    + "new and which persist with their severity deltas, which countermeasures moved in rank, and which "
                    + "indicator changes caused it.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BatchSchemas.CompareRequest.class),
            examples = @ExampleObject(name = "twoYears", summary = "One city in 2023 and 2025", value = COMPARE)))
    @APIResponse(responseCode = "200", description = "The comparison",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComparisonReport.class)),
                    @Content(mediaType = SheetUpload.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary",
                            description = "With Accept: " + SheetUpload.XLSX + " or format=xlsx: the changes, then both "
                                    + "full reports (overview, bottlenecks, measures, data gaps)"))})
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "NoRuleset")
    public Object compare(byte[] body, @BeanParam RequestedLanguage language, @BeanParam AnswerFormat answer) {
        if (answer.sheet(false).isPresent()) {
            return sheets.comparison(body, language.language());
        }
        return whole(service.compare(body, language.language()));
    }

    /**
     * A report as one JSON buffer with its length: written by the worker in one piece, so that the event loop sends
     * a full report (about 100 KB) in one write instead of receiving a dozen 8 KB chunks one task at a time
     * (docs/performance.md, issue 20). The same bytes as the default writer's, under the same mapper.
     */
    private Response whole(Object answer) {
        try {
            return Response.ok(json.writeValueAsBytes(answer), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .build();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean explainFull(String explain) {
        if (explain == null) {
            return false;
        }
        if (!explain.equals("full")) {
            throw QueryParameters.invalid("explain", "query.explain", explain);
        }
        return true;
    }
}
