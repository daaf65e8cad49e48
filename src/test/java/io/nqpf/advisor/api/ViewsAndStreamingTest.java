package io.nqpf.advisor.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nqpf.advisor.support.Contract;
import io.nqpf.advisor.support.Examples;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The summary view, NDJSON batches and compressed answers, as integrations use them. */
@QuarkusTest
class ViewsAndStreamingTest {

    private static final String URL = "/api/v1/recommendations";
    private static final String BATCH = "/api/v1/recommendations/batch";
    private static final String SUMMARY = "/api/v1/recommendations/summary";
    private static final String BATCH_SUMMARY = "/api/v1/recommendations/batch/summary";
    private static final String COAL = Examples.read("declining-coal-city.json");
    private static final String BROKEN = "{\"regionId\":\"broken\",\"name\":\"x\",\"year\":2023,\"level\":\"COUNTY\","
            + "\"innovation\":{\"rdIntensityPct\":99}}";

    @TestHTTPResource(URL)
    URI evaluate;

    @TestHTTPResource(BATCH)
    URI batch;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theSummaryCarriesTheFullReportsDecisionWithoutItsTexts() {
        JsonPath full = given().contentType(ContentType.JSON).queryParam("lang", "en").body(COAL).post(URL).then()
                .statusCode(200).extract().jsonPath();
        String body = given().filter(Contract.validated()).contentType(ContentType.JSON)
                .queryParam("lang", "en").body(COAL).post(SUMMARY).then().statusCode(200)
                .body("$", not(hasKey("watchlist"))).body("$", not(hasKey("dataGaps")))
                .body("bottlenecks[0]", not(hasKey("description"))).body("bottlenecks[0]", not(hasKey("evidence")))
                .body("recommendations[0]", not(hasKey("explanation"))).body("recommendations[0]", not(hasKey("actions")))
                .body("recommendations[0]", not(hasKey("sources")))
                .extract().asString();
        JsonPath summary = JsonPath.from(body);
        for (String path : List.of("bottlenecks.id", "bottlenecks.severity", "bottlenecks.level", "bottlenecks.clearsWhen",
                "recommendations.id", "recommendations.rank", "recommendations.score",
                "recommendations.scoreBreakdown.points", "recommendations.scoreBreakdown.key",
                "recommendations.addresses")) {
            assertEquals(full.getList(path), summary.getList(path), path);
        }
        assertEquals(full.getString("smartSpecialization.stage"), summary.getString("stage"));
        assertEquals(full.getDouble("coverage.share"), summary.getDouble("coverage.share"));
        assertEquals(full.getString("coverage.verdict"), summary.getString("coverage.verdict"));
        assertEquals(full.getString("ruleset.sha256"), summary.getString("ruleset.sha256"));
        assertEquals(full.getString("region.regionId"), summary.getString("region.regionId"));
        assertNotNull(summary.getString("decisionId"));
        int fullSize = full.prettify().length();
        assertTrue(body.length() * 5 < fullSize, "summary " + body.length() + " bytes, full about " + fullSize);
    }

    @Test
    void theSummaryListsWatchlistAndDataGapsOnlyWhenAskedAndThenAsTheFullReportDoes() {
        String sparse = Examples.read("sparse-profile.json");
        JsonPath full = given().contentType(ContentType.JSON).body(sparse).post(URL).then().statusCode(200)
                .extract().jsonPath();
        JsonPath summary = given().filter(Contract.validated()).contentType(ContentType.JSON)
                .queryParam("include", "watchlist,dataGaps").body(sparse).post(SUMMARY)
                .then().statusCode(200).extract().jsonPath();
        assertFalse(full.getList("dataGaps").isEmpty(), "the sparse profile has data gaps");
        assertEquals(full.getList("dataGaps.indicator"), summary.getList("dataGaps.indicator"));
        assertEquals(full.getList("dataGaps.couldReveal"), summary.getList("dataGaps.couldReveal"));
        assertEquals(full.getList("watchlist.id"), summary.getList("watchlist.id"));
        JsonPath gapsOnly = given().contentType(ContentType.JSON).queryParam("view", "summary")
                .queryParam("include", "dataGaps").body(sparse).post(URL).then().statusCode(200).extract().jsonPath();
        assertNull(gapsOnly.get("watchlist"));
        assertEquals(full.getList("dataGaps.indicator"), gapsOnly.getList("dataGaps.indicator"));
    }

    @Test
    void theSummaryAlwaysCarriesTheInputWarnings() {
        // -17.9 %/year is a ten-year change typed as an annual rate; the integration acting on the summary must know
        String misEntered = COAL.replaceFirst("\"populationChangePct\": -?[0-9.]+", "\"populationChangePct\": -17.9");
        assertFalse(misEntered.equals(COAL), "the example has a population change to replace");
        JsonPath full = given().contentType(ContentType.JSON).queryParam("lang", "en").body(misEntered).post(URL)
                .then().statusCode(200).extract().jsonPath();
        JsonPath summary = given().filter(Contract.validated()).contentType(ContentType.JSON).queryParam("lang", "en")
                .body(misEntered).post(SUMMARY).then().statusCode(200)
                .body("warnings.code", org.hamcrest.Matchers.hasItem("TEN_YEAR_CHANGE_AS_ANNUAL"))
                .extract().jsonPath();
        assertEquals(full.getList("warnings"), summary.getList("warnings"));
        // and a summary without anything to warn of says so with an empty list
        given().filter(Contract.validated()).contentType(ContentType.JSON).body(COAL)
                .post(SUMMARY).then().statusCode(200).body("warnings", equalTo(List.of()));
    }

    @Test
    void everyPartOfTheFullReportCanBeIncludedInTheSummary() {
        String sparse = Examples.read("sparse-profile.json");
        JsonPath full = given().contentType(ContentType.JSON).body(sparse).post(URL).then().statusCode(200)
                .extract().jsonPath();
        JsonPath summary = given().filter(Contract.validated()).contentType(ContentType.JSON)
                .queryParam("include", "watchlist,dataGaps,nextIndicators,peerContext,warnings").body(sparse).post(SUMMARY)
                .then().statusCode(200).extract().jsonPath();
        assertFalse(full.getList("nextIndicators").isEmpty(), "the sparse profile has indicators to collect next");
        assertEquals(full.getList("nextIndicators.indicator"), summary.getList("nextIndicators"));
        assertEquals(full.getList("warnings"), summary.getList("warnings"));
        // peers are for prefecture-level regions
        JsonPath fullCity = given().contentType(ContentType.JSON).body(COAL).post(URL).then().statusCode(200)
                .extract().jsonPath();
        JsonPath city = given().filter(Contract.validated()).contentType(ContentType.JSON)
                .queryParam("include", "peerContext").body(COAL).post(SUMMARY)
                .then().statusCode(200).extract().jsonPath();
        assertFalse(city.getList("peerContext").isEmpty(), "a prefecture has peers");
        for (String path : List.of("indicator", "valueYear", "censusYear", "comparable", "rank", "percentile", "of")) {
            assertEquals(fullCity.getList("peerContext." + path), city.getList("peerContext." + path), path);
        }
        JsonPath plain = given().contentType(ContentType.JSON).body(sparse).post(SUMMARY)
                .then().statusCode(200).extract().jsonPath();
        assertNull(plain.get("nextIndicators"));
        assertNull(plain.get("peerContext"));
    }

    @Test
    void limitAppliesToTheSummaryToo() {
        given().filter(Contract.validated()).contentType(ContentType.JSON)
                .queryParam("limit", 3).body(COAL).post(SUMMARY).then().statusCode(200)
                .body("recommendations.rank", equalTo(List.of(1, 2, 3)));
    }

    /** Clients written before the /summary operations send view=summary: they get the same answer as before. */
    @Test
    void viewSummaryStillAnswersTheSummary() {
        JsonPath legacy = given().contentType(ContentType.JSON).queryParam("view", "summary").body(COAL).post(URL)
                .then().statusCode(200).extract().jsonPath();
        JsonPath summary = given().contentType(ContentType.JSON).body(COAL).post(SUMMARY).then().statusCode(200)
                .extract().jsonPath();
        assertNull(legacy.get("smartSpecialization"));
        assertEquals(summary.getString("stage"), legacy.getString("stage"));
        assertEquals(summary.getList("recommendations.id"), legacy.getList("recommendations.id"));
        JsonPath batch = given().contentType(ContentType.JSON).queryParam("view", "summary")
                .body("{\"profiles\":[" + COAL + "]}").post(BATCH).then().statusCode(200).extract().jsonPath();
        assertEquals(summary.getList("recommendations.id"), batch.getList("results[0].report.recommendations.id"));
        assertNull(batch.get("results[0].report.smartSpecialization"));
    }

    @Test
    void badViewIncludeAndLimitValuesAreProblemsNamingTheParameter() {
        Map<String, String> bad = Map.of("view", "brief", "include", "watchlist,trace", "limit", "0");
        bad.forEach((name, value) -> {
            for (String url : List.of(URL, BATCH)) {
                String body = url.equals(URL) ? COAL : "{\"profiles\":[" + COAL + "]}";
                given().filter(Contract.responsesOnly()).contentType(ContentType.JSON).queryParam(name, value)
                        .body(body).post(url).then().statusCode(400)
                        .contentType(startsWith("application/problem+json"))
                        .body("violations[0].field", equalTo(name))
                        .body("detail", containsString(value));
            }
        });
        given().filter(Contract.responsesOnly()).contentType(ContentType.JSON).queryParam("view", "SUMMARY")
                .queryParam("lang", "en").body(COAL)
                .post(URL).then().statusCode(400).body("violations[0].field", equalTo("view"))
                .body("detail", containsString("summary or full"));
    }

    @Test
    void aBatchAnswersSummariesWhenAsked() {
        JsonPath result = given().filter(Contract.responsesOnly()).contentType(ContentType.JSON)
                .body("{\"profiles\":[" + COAL + "," + BROKEN + "]}").post(BATCH_SUMMARY)
                .then().statusCode(200).body("evaluated", equalTo(1)).body("failed", equalTo(1))
                .body("results[0].report", not(hasKey("smartSpecialization")))
                .body("results[1].problem.violations[0].field", equalTo("innovation.rdIntensityPct"))
                .extract().jsonPath();
        assertFalse(result.getList("results[0].report.recommendations.score").isEmpty());
    }

    @Test
    void ndjsonStreamsOneLinePerProfileInRequestOrderAndBadProfilesFailOnlyTheirLine() throws Exception {
        List<String> profiles = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            profiles.add(i % 7 == 3 ? BROKEN : COAL.replaceFirst("\"regionId\"\\s*:\\s*\"[^\"]*\"",
                    "\"regionId\":\"r-" + i + "\""));
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(batch)
                .header("Content-Type", "application/json").header("Accept", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString("{\"profiles\":[" + String.join(",", profiles) + "]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/x-ndjson"));
        String[] lines = response.body().split("\n");
        assertEquals(profiles.size() + 1, lines.length);
        // the last line says that the stream is whole, so that a stream cut short is recognised
        JsonPath end = JsonPath.from(lines[lines.length - 1]);
        assertEquals(true, end.getBoolean("complete"));
        assertEquals(profiles.size(), end.getInt("count"));
        assertEquals(profiles.stream().filter(BROKEN::equals).count(), (long) end.getInt("failed"));
        for (int i = 0; i < profiles.size(); i++) {
            JsonPath line = JsonPath.from(lines[i]);
            assertEquals(i, line.getInt("index"));
            if (i % 7 == 3) {
                assertEquals("broken", line.getString("regionId"));
                assertEquals(400, line.getInt("problem.status"));
                assertEquals("innovation.rdIntensityPct", line.getString("problem.violations[0].field"));
                assertNull(line.get("report"));
            } else {
                assertEquals("r-" + i, line.getString("regionId"));
                assertNull(line.get("problem"));
                assertFalse(line.getList("report.recommendations").isEmpty());
                assertNotNull(line.getString("report.recommendations[0].explanation"), "the full view by default");
            }
        }
    }

    @Test
    void ndjsonWithTheSummaryViewAndBodiesThatAreNoBatchStillGetOneProblem() throws Exception {
        HttpResponse<String> summary = http.send(HttpRequest.newBuilder(URI.create(batch + "/summary"))
                .header("Content-Type", "application/json").header("Accept", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString("{\"profiles\":[" + COAL + "," + COAL + "]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        String[] lines = summary.body().split("\n");
        assertEquals(3, lines.length);
        assertEquals("{\"complete\":true,\"count\":2,\"failed\":0}", lines[2]);
        assertNull(JsonPath.from(lines[1]).get("report.recommendations[0].explanation"));
        assertNotNull(JsonPath.from(lines[1]).get("report.recommendations[0].score"));

        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(batch)
                .header("Content-Type", "application/json").header("Accept", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString("{\"profile\":[]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, bad.statusCode());
        assertTrue(bad.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals("profile", JsonPath.from(bad.body()).getString("violations[0].field"));
    }

    @Test
    void theJsonObjectStaysTheDefaultForWildcardAndJsonAccept() throws Exception {
        for (String accept : List.of("*/*", "application/json", "application/json, application/x-ndjson;q=0.5")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(batch)
                    .header("Content-Type", "application/json").header("Accept", accept)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"profiles\":[" + COAL + "]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertEquals(1, JsonPath.from(response.body()).getInt("evaluated"), accept);
        }
    }

    @Test
    void aClientThatAcceptsGzipGetsACompressedReportAndOneThatDoesNotGetsItPlain() throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(evaluate + "?lang=en"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(COAL));
        HttpResponse<byte[]> plain = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, plain.statusCode());
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
        String plainText = new String(plain.body(), StandardCharsets.UTF_8);

        HttpResponse<byte[]> gzipped = http.send(request.header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, gzipped.statusCode());
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(null));
        String unzipped = gunzip(gzipped.body());
        assertTrue(gzipped.body().length * 3 < unzipped.length(),
                gzipped.body().length + " compressed bytes for " + unzipped.length());
        JsonPath a = JsonPath.from(plainText);
        JsonPath b = JsonPath.from(unzipped);
        assertEquals(a.getList("recommendations.id"), b.getList("recommendations.id"));
        assertEquals(a.getList("recommendations.explanation"), b.getList("recommendations.explanation"));
    }

    @Test
    void ndjsonIsCompressedForClientsThatAcceptGzip() throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(batch)
                .header("Content-Type", "application/json").header("Accept", "application/x-ndjson")
                .header("Accept-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofString("{\"profiles\":[" + COAL + "," + COAL + "]}")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", response.headers().firstValue("Content-Encoding").orElse(null));
        assertEquals(3, gunzip(response.body()).split("\n").length);
    }

    @Test
    void answersShorterThanTheCompressionThresholdAreSentPlainLongerOnesCompressed() throws Exception {
        // a region lookup of a few hundred bytes: gzip would cost CPU and save no packet
        // (advisor.http.compression-threshold; without it this answer was gzip-compressed)
        HttpResponse<byte[]> small = http.send(HttpRequest.newBuilder(evaluate.resolve("/api/v1/regions?q=440300"))
                .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, small.statusCode());
        assertTrue(small.headers().firstValue("Content-Encoding").isEmpty(), small.headers().toString());
        assertTrue(small.body().length < 1024, small.body().length + " bytes");
        assertTrue(new String(small.body(), StandardCharsets.UTF_8).contains("440300"));

        // the summary, some kilobytes with a known length, is compressed
        HttpResponse<byte[]> summary = http.send(HttpRequest.newBuilder(URI.create(evaluate + "?view=summary"))
                .header("Content-Type", "application/json").header("Accept-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofString(COAL)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, summary.statusCode());
        assertEquals("gzip", summary.headers().firstValue("Content-Encoding").orElse(null));
        assertTrue(gunzip(summary.body()).length() > 1024);
    }

    /** A full report (about 100 KB) comes in one piece with its length, not as chunks of unknown total. */
    @Test
    void aFullReportIsAnsweredWithItsLength() throws Exception {
        HttpResponse<byte[]> full = http.send(HttpRequest.newBuilder(evaluate)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(COAL)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, full.statusCode());
        assertTrue(full.body().length > 8192, full.body().length + " bytes");
        assertEquals(String.valueOf(full.body().length), full.headers().firstValue("Content-Length").orElse(null),
                full.headers().toString());
        assertEquals("application/json;charset=UTF-8", full.headers().firstValue("Content-Type").orElse(null));
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
