package io.nqpf.advisor.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * What the document promises about responses, so that clients generated from it (openapi-generator and the like)
 * keep every field (docs/operations.md, "A contract generated clients can trust"):
 * <ul>
 * <li>a value that is a number, a boolean or a category (an indicator's value, a threshold) is {@code IndicatorValue},
 * one of the three, never an untyped property that generators turn into a bare object or drop;</li>
 * <li>the properties every answer carries are {@code required}, so that generators make them non-optional (the
 * generated-clients test checks each against real answers);</li>
 * <li>each problem answer has a real example, and the invalid-input answer of each operation its own.</li>
 * </ul>
 */
final class ResponseContract {

    static final String INDICATOR_VALUE = "IndicatorValue";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Properties present in every answer that holds the schema (primitive numbers and booleans are always written;
     * the others are always set by the assemblers). A property that may be absent is not listed: the tests that
     * validate real answers against the document fail on a listed property that an answer lacks.
     */
    static final Map<String, List<String>> ALWAYS = Map.ofEntries(
            Map.entry("Report", List.of("decisionId", "evaluatedAt", "language", "ruleset", "region", "coverage",
                    "warnings", "smartSpecialization", "bottlenecks", "recommendations", "watchlist", "dataGaps",
                    "nextIndicators", "peerContext")),
            Map.entry("ReportSummary", List.of("decisionId", "evaluatedAt", "ruleset", "region", "coverage", "warnings",
                    "stage", "transition", "bottlenecks", "recommendations")),
            Map.entry("RulesetRef", List.of("version", "sha256")),
            Map.entry("RegionRef", List.of("regionId", "name", "year")),
            Map.entry("Coverage", List.of("share", "verdict", "summary")),
            Map.entry("CoverageSummary", List.of("share", "verdict")),
            Map.entry("Warning", List.of("field", "code", "message")),
            Map.entry("SmartSpecialization", List.of("stage", "transition", "rationale", "evidence",
                    "missingIndicators", "cityIndustryStage")),
            Map.entry("CityIndustryStage", List.of("stage", "rationale", "evidence", "sources")),
            Map.entry("Evidence", List.of("indicator", "label", "value", "threshold", "comparison", "reference")),
            Map.entry("ClearsWhen", List.of("indicator", "current", "target", "actionable")),
            Map.entry("Bottleneck", List.of("id", "title", "description", "severity", "level", "evidence", "clearsWhen",
                    "sources", "rule", "rules")),
            Map.entry("BottleneckSummary", List.of("id", "severity", "level", "clearsWhen")),
            Map.entry("SourceCitation", List.of("document", "section", "quote", "subject", "authors", "citation")),
            Map.entry("ScoreFactor", List.of("factor", "key", "points", "kind")),
            Map.entry("ScoreFactorSummary", List.of("key", "points", "kind")),
            Map.entry("Recommendation", List.of("rank", "id", "title", "summary", "actions", "score", "scoreBreakdown",
                    "addresses", "explanation", "sources", "rules")),
            Map.entry("RecommendationSummary", List.of("rank", "id", "score", "scoreBreakdown", "addresses")),
            Map.entry("WatchItem", List.of("id", "title", "evidence", "rules")),
            Map.entry("WatchSummary", List.of("id", "indicators")),
            Map.entry("DataGap", List.of("indicator", "label", "neededBy", "couldReveal", "rank", "leverage",
                    "revealsAlone", "decidesStage", "partlyObserved")),
            Map.entry("DataGapSummary", List.of("indicator", "couldReveal", "leverage")),
            Map.entry("PartlyObserved", List.of("bottleneck", "observed", "missing")),
            Map.entry("Peer", List.of("indicator", "label", "value", "valueYear", "censusYear", "comparable", "of",
                    "sentence")),
            Map.entry("NextIndicator", List.of("indicator", "label", "reason")),
            Map.entry("TraceItem", List.of("order", "rule", "file")),
            Map.entry("BatchResult", List.of("index")),
            Map.entry("BatchSummaryResult", List.of("index")),
            Map.entry("BatchResponse", List.of("results", "evaluated", "failed")),
            Map.entry("BatchSummaryResponse", List.of("results", "evaluated", "failed")),
            Map.entry("ComparisonReport", List.of("language", "ruleset", "before", "after", "stage", "resolved", "new",
                    "persisting", "rankMoves", "indicatorChanges", "newlyObserved", "noLongerObserved",
                    "becameObservable", "noLongerObservable")),
            Map.entry("BottleneckChange", List.of("id", "title", "causedBy")),
            Map.entry("RankMove", List.of("id", "title")),
            Map.entry("IndicatorChange", List.of("indicator", "label", "before", "after", "affects")),
            Map.entry("ObservationChange", List.of("indicator", "label", "value", "bottlenecks")),
            Map.entry("Problem", List.of("type", "title", "status")),
            Map.entry("Violation", List.of("field", "message")),
            Map.entry("CatalogView", List.of("language", "rulesetVersion", "bottlenecks", "countermeasures")),
            Map.entry("CatalogEntry", List.of("id", "title", "description", "sources")),
            Map.entry("Citation", List.of("document", "section", "quote")),
            Map.entry("RulesetInfo", List.of("version", "sha256", "loadedAt", "files", "rules")),
            Map.entry("RuleInfo", List.of("name", "file", "line", "kind", "ids")),
            Map.entry("CensusRegion", List.of("code", "name", "province", "provinceCode", "level", "macroRegion",
                    "census")),
            Map.entry("CensusFigures", List.of("year", "population")),
            Map.entry("StartingProfile", List.of("profile", "provenance")),
            Map.entry("CensusProvenance", List.of("source", "license", "censusYear", "derivations", "notFilled")),
            Map.entry("CensusDerivation", List.of("indicator", "method")),
            Map.entry("IndicatorDefinition", List.of("indicator", "label", "benchmarks", "usedBy")),
            Map.entry("IndicatorThresholdUse", List.of("threshold", "comparison", "factor")),
            Map.entry("IndicatorBenchmark", List.of("series", "label", "unit", "thresholds", "values")),
            Map.entry("Point", List.of("year", "value", "source")),
            Map.entry("Assessment", List.of("id", "regionId", "regionName", "year", "language", "ruleset",
                    "decisionId", "savedBy", "savedAt", "revision", "link", "profile", "report")),
            Map.entry("AssessmentList", List.of("assessments", "total", "limit", "offset")),
            Map.entry("AssessmentListItem", List.of("id", "regionId", "regionName", "year", "ruleset", "savedBy",
                    "savedAt", "link")),
            Map.entry("ExampleRef", List.of("name", "regionId", "title", "year")),
            Map.entry("MeasureItem", List.of("id", "title", "rank", "score")),
            Map.entry("ProblemItem", List.of("id", "title", "firstSeen", "lastSeen", "state", "severityByYear",
                    "levelByYear", "resolvedBy", "measuresByYear")),
            Map.entry("RegionProblems", List.of("regionId", "years", "assessments", "problems")),
            Map.entry("ReloadResult", List.of("version", "sha256", "loadedAt", "rules")),
            Map.entry("Replay", List.of("assessmentId", "saved", "replayed", "rulesetChanged", "changes", "report")),
            Map.entry("RuleError", List.of("file", "line", "column", "message")),
            Map.entry("ValidationResult", List.of("valid", "errors")),
            Map.entry("ValueChange", List.of("indicator", "label", "beforeYear")));

    /** One real answer of each shared problem response, by the response's name. */
    private static final Map<String, String> PROBLEMS = Map.ofEntries(
            Map.entry("InvalidInput", """
                    {"type":"urn:nqpf-advisor:problem:invalid-input","title":"Invalid query parameter","status":400,\
                    "detail":"lang: must be zh-CN or en, or a tag of either such as en-US (was xx)",\
                    "violations":[{"field":"lang","message":"must be zh-CN or en, or a tag of either such as \
                    en-US (was xx)"}]}"""),
            Map.entry("UnknownRegion", """
                    {"type":"urn:nqpf-advisor:problem:unknown-region","title":"Unknown region","status":404,"detail":\
                    "No region has the code 999999; codes are the 6-digit administrative codes that GET \
                    /api/v1/regions lists"}"""),
            Map.entry("NoCensusFigures", """
                    {"type":"urn:nqpf-advisor:problem:no-census-figures","title":"No census figures","status":422,\
                    "detail":"The 2010 census published no population for 460300 三沙市, so there is no 2010 profile of it"}"""),
            Map.entry("PayloadTooLarge", """
                    {"type":"urn:nqpf-advisor:problem:payload-too-large","title":"Payload too large","status":413,\
                    "detail":"The body has 300000 bytes; the limit is 262144 bytes"}"""),
            Map.entry("UnsupportedMediaType", """
                    {"type":"urn:nqpf-advisor:problem:unsupported-media-type","title":"Unsupported Media Type",\
                    "status":415,"detail":"Content-Type must be application/json"}"""),
            Map.entry("NoRuleset", """
                    {"type":"urn:nqpf-advisor:problem:no-ruleset","title":"Service unavailable","status":503,\
                    "detail":"No ruleset is active: the rules directory did not build. Fix it and reload."}"""),
            Map.entry("Unauthorized", """
                    {"type":"urn:nqpf-advisor:problem:unauthorized","title":"Unauthorized","status":401,\
                    "detail":"Wrong credentials"}"""),
            Map.entry("TooManyLogins", """
                    {"type":"urn:nqpf-advisor:problem:too-many-logins","title":"Too Many Requests","status":429,\
                    "detail":"Too many failed admin logins from this address; try again in 60 s"}"""),
            Map.entry("BuildBusy", """
                    {"type":"urn:nqpf-advisor:problem:build-busy","title":"Service unavailable","status":503,\
                    "detail":"Another ruleset build is running; one build runs at a time. Try again in 5 s."}"""),
            Map.entry("BuildAborted", """
                    {"type":"urn:nqpf-advisor:problem:build-aborted","title":"Ruleset build aborted","status":422,\
                    "detail":"the build took longer than its limit of 20 s and was abandoned; look for rules or field \
                    initializers that block or loop; nothing changed, the active ruleset 1.0.0+sha.ea8e1758 keeps \
                    serving","errors":[{"file":"","line":0,"column":0,"message":"the build took longer than its limit \
                    of 20 s and was abandoned; look for rules or field initializers that block or loop"}]}"""),
            Map.entry("Forbidden", """
                    {"type":"urn:nqpf-advisor:problem:forbidden","title":"Forbidden","status":403,"detail":"This \
                    operation needs another user: the rules administrator, or a planner (an assessment is deleted by \
                    the planner who saved it or the administrator)"}"""),
            Map.entry("AssessmentNotFound", """
                    {"type":"urn:nqpf-advisor:problem:assessment-not-found","title":"Assessment not found",\
                    "status":404,"detail":"No assessment has the id 00000000-0000-0000-0000-000000000000, or it was \
                    deleted"}"""),
            Map.entry("StoreUnavailable", """
                    {"type":"urn:nqpf-advisor:problem:store-unavailable","title":"Service unavailable",\
                    "status":503,"detail":"The postgresql database that keeps assessments does not answer, so \
                    nothing was saved; evaluation is not affected. Try again later"}"""),
            Map.entry("RulesetInvalid", """
                    {"type":"urn:nqpf-advisor:problem:ruleset-invalid","title":"Ruleset does not build","status":422,\
                    "detail":"1 error(s); the active ruleset 1.0.0+sha.ea8e1758 keeps serving","errors":[{"file":"rules/drl/diagnosis.drl","line":12,\
                    "column":4,"message":"mismatched input 'then'"}]}"""),
            Map.entry(AdmissionResponses.TOO_MANY, """
                    {"type":"urn:nqpf-advisor:problem:too-many-requests","title":"Too Many Requests","status":429,\
                    "detail":"This client has too many requests in progress; retry after the seconds given in \
                    Retry-After"}"""),
            Map.entry(AdmissionResponses.SATURATED, """
                    {"type":"urn:nqpf-advisor:problem:saturated","title":"Service Unavailable","status":503,\
                    "detail":"The service is at capacity; retry after the seconds given in Retry-After"}"""));

    /** The invalid-input answer of the operations whose input goes wrong in their own way. */
    private static final Map<String, String> INVALID_INPUT = Map.ofEntries(
            Map.entry("evaluateRegion", """
                    {"type":"urn:nqpf-advisor:problem:invalid-input","title":"Invalid region profile","status":400,\
                    "detail":"innovation.rdIntensityPct: must be less than or equal to 20 (was 25.0)","violations":\
                    [{"field":"innovation.rdIntensityPct","message":"must be less than or equal to 20 (was 25.0)"}]}"""),
            Map.entry("evaluateRegionSummary", """
                    {"type":"urn:nqpf-advisor:problem:invalid-input","title":"Invalid query parameter","status":400,\
                    "detail":"include: must be a comma-separated list of watchlist or dataGaps (was trace)","violations":\
                    [{"field":"include","message":"must be a comma-separated list of watchlist or dataGaps (was trace)"}]}"""),
            Map.entry("evaluateBatch", """
                    {"type":"urn:nqpf-advisor:problem:invalid-input","title":"Invalid batch request","status":400,\
                    "detail":"profiles: must be an array of region profiles","violations":[{"field":"profiles",\
                    "message":"must be an array of region profiles"}]}"""),
            Map.entry("evaluateBatchSummary", """
                    {"type":"urn:nqpf-advisor:problem:invalid-input","title":"Invalid query parameter","status":400,\
                    "detail":"limit: must be a whole number from 1 to 100 or all (was 0)","violations":[{"field":\
                    "limit","message":"must be a whole number from 1 to 100 or all (was 0)"}]}"""),
            Map.entry("compareRegions", """
                    {"type":"urn:nqpf-advisor:problem:invalid-input","title":"Invalid comparison request","status":400,\
                    "detail":"after.year: must not be null","violations":[{"field":"after.year","message":\
                    "must not be null"}]}"""),
            Map.entry("saveAssessment", """
                    {"type":"urn:nqpf-advisor:problem:invalid-input","title":"Invalid assessment request","status":400,\
                    "detail":"profile: must not be null","violations":[{"field":"profile","message":\
                    "must not be null"}]}"""),
            Map.entry("annotateAssessment", """
                    {"type":"urn:nqpf-advisor:problem:invalid-input","title":"Invalid assessment request","status":400,\
                    "detail":"title: must be a string","violations":[{"field":"title","message":"must be a string"}]}"""));

    private ResponseContract() {
    }

    static void apply(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas != null) {
            openAPI.getComponents().addSchema(INDICATOR_VALUE, OASFactory.createSchema()
                    .description("A value of an indicator: a number, a boolean (yes/no indicators) or a category "
                            + "(an enumeration's name such as COAL)")
                    .oneOf(List.of(OASFactory.createSchema().addType(Schema.SchemaType.NUMBER),
                            OASFactory.createSchema().addType(Schema.SchemaType.BOOLEAN),
                            OASFactory.createSchema().addType(Schema.SchemaType.STRING))));
            schemas.forEach((name, schema) -> {
                if (schema.getProperties() != null) {
                    new ArrayList<>(schema.getProperties().entrySet()).forEach(p -> {
                        if (untyped(p.getValue())) {
                            Schema ref = OASFactory.createSchema().ref(INDICATOR_VALUE);
                            schema.addProperty(p.getKey(), p.getValue().getDescription() == null ? ref
                                    : OASFactory.createSchema().description(p.getValue().getDescription())
                                            .allOf(List.of(ref)));
                        }
                    });
                }
            });
            ALWAYS.forEach((name, properties) -> {
                Schema schema = schemas.get(name);
                if (schema == null || schema.getProperties() == null) {
                    return;
                }
                for (String property : properties) {
                    if (schema.getProperties().containsKey(property)
                            && (schema.getRequired() == null || !schema.getRequired().contains(property))) {
                        schema.addRequired(property);
                    }
                }
            });
        }
        if (openAPI.getComponents().getResponses() != null) {
            openAPI.getComponents().getResponses().forEach((name, response) -> {
                if (PROBLEMS.containsKey(name)) {
                    example(response, name, PROBLEMS.get(name));
                }
            });
        }
        if (openAPI.getPaths() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values()
                    .forEach(operation -> ownInvalidInput(openAPI, operation)));
        }
    }

    /** A property without type, reference or composition: the value fields typed Object in Java. */
    private static boolean untyped(Schema s) {
        return s.getRef() == null && (s.getType() == null || s.getType().isEmpty()) && s.getOneOf() == null
                && s.getAnyOf() == null && s.getAllOf() == null && s.getEnumeration() == null
                && s.getProperties() == null && s.getItems() == null;
    }

    private static void ownInvalidInput(OpenAPI openAPI, Operation operation) {
        String example = INVALID_INPUT.get(operation.getOperationId());
        if (example == null || operation.getResponses() == null || !operation.getResponses().hasAPIResponse("400")) {
            return;
        }
        APIResponse shared = openAPI.getComponents().getResponses().get("InvalidInput");
        APIResponse own = OASFactory.createAPIResponse().description(shared.getDescription())
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("Problem"))));
        example(own, operation.getOperationId(), example);
        operation.getResponses().addAPIResponse("400", own);
    }

    private static void example(APIResponse response, String name, String json) {
        if (response.getContent() == null) {
            return;
        }
        MediaType media = response.getContent().getMediaType(Problem.MEDIA_TYPE);
        if (media == null) {
            return;
        }
        Example example = OASFactory.createExample().value(parse(json));
        media.setExamples(Map.of(name, example));
    }

    private static Object parse(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("example of " + json + " is not JSON", e);
        }
    }
}
