package io.nqpf.advisor.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nqpf.advisor.support.Contract;
import io.nqpf.advisor.support.Examples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BatchAndCompareTest {

    private static final String BATCH = "/api/v1/recommendations/batch";
    private static final String COMPARE = "/api/v1/recommendations/compare";

    private static String minimal(int i) {
        return "{\"regionId\":\"county-" + i + "\",\"name\":\"县" + i + "\",\"year\":2023,\"level\":\"COUNTY\","
                + "\"innovation\":{\"rdIntensityPct\":" + (i % 40) / 10.0 + "}}";
    }

    @Test
    void aBadProfileFailsOnlyItselfAndOrderIsKept() {
        List<String> profiles = new ArrayList<>();
        for (Path p : Examples.all()) {
            profiles.add(Examples.read(p.getFileName().toString()));
        }
        profiles.add(2, "{\"regionId\":\"broken\",\"name\":\"x\",\"year\":2023,\"level\":\"COUNTY\","
                + "\"innovation\":{\"rdIntensityPct\":99}}");
        String body = "{\"profiles\":[" + String.join(",", profiles) + "]}";
        JsonPath result = given().filter(Contract.responsesOnly()).contentType(ContentType.JSON).queryParam("lang", "en")
                .body(body).post(BATCH).then().statusCode(200)
                .body("results", hasSize(profiles.size()))
                .body("failed", equalTo(1))
                .body("results[2].regionId", equalTo("broken"))
                .body("results[2].report", nullValue())
                .body("results[2].problem.status", equalTo(400))
                .body("results[2].problem.violations[0].field", equalTo("innovation.rdIntensityPct"))
                .body("results[0].report.bottlenecks", notNullValue())
                .extract().jsonPath();
        List<Integer> indexes = result.getList("results.index");
        assertEquals(IntStream.range(0, profiles.size()).boxed().toList(), indexes);
        List<String> expected = new ArrayList<>();
        for (String p : profiles) {
            expected.add(io.restassured.path.json.JsonPath.from(p).getString("regionId"));
        }
        assertEquals(expected, result.getList("results.regionId"));
    }

    @Test
    void batchResultsEqualSingleEvaluations() {
        String coal = Examples.read("declining-coal-city.json");
        JsonPath batch = given().contentType(ContentType.JSON).queryParam("lang", "en")
                .body("{\"profiles\":[" + coal + "]}").post(BATCH).then().statusCode(200).extract().jsonPath();
        JsonPath single = given().contentType(ContentType.JSON).queryParam("lang", "en").body(coal)
                .post("/api/v1/recommendations").then().statusCode(200).extract().jsonPath();
        assertEquals(single.getList("recommendations.id"), batch.getList("results[0].report.recommendations.id"));
        assertEquals(single.getList("recommendations.score"), batch.getList("results[0].report.recommendations.score"));
    }

    @Test
    void limitAllListsEveryRankedMeasureInABatchAsInASingleEvaluation() {
        String coal = Examples.read("declining-coal-city.json");
        List<String> batch = given().filter(Contract.validated()).contentType(ContentType.JSON).queryParam("limit", "all")
                .body("{\"profiles\":[" + coal + "]}").post(BATCH).then().statusCode(200)
                .extract().path("results[0].report.recommendations.id");
        List<String> single = given().contentType(ContentType.JSON).queryParam("limit", "all").body(coal)
                .post("/api/v1/recommendations").then().statusCode(200).extract().path("recommendations.id");
        assertEquals(single, batch);
        assertTrue(batch.size() > 12, "more than the default 12: " + batch);
        given().filter(Contract.responsesOnly()).contentType(ContentType.JSON).queryParam("limit", "0")
                .queryParam("lang", "zh-CN").body("{\"profiles\":[" + coal + "]}").post(BATCH).then().statusCode(400)
                .body("violations[0].field", equalTo("limit"))
                .body("violations[0].message", equalTo("须为1至100的整数或 all（收到 0）"));
    }

    @Test
    void aThousandProfilesAreAcceptedAndMoreAreRefusedNamingTheLimit() throws Exception {
        String thousand = IntStream.range(0, 1000).mapToObj(BatchAndCompareTest::minimal).collect(Collectors.joining(","));
        byte[] answer = given().contentType(ContentType.JSON).body("{\"profiles\":[" + thousand + "]}").post(BATCH).then()
                .statusCode(200).extract().asByteArray();
        // a thousand full reports: read once with Jackson, not into Groovy maps by a matcher per path
        com.fasterxml.jackson.databind.JsonNode batch = new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer);
        assertEquals(1000, batch.path("evaluated").asInt(-1));
        assertEquals(1000, batch.path("results").size());
        assertEquals("county-999", batch.path("results").path(999).path("regionId").asText());
        given().filter(Contract.responsesOnly()).contentType(ContentType.JSON).queryParam("lang", "en")
                .body("{\"profiles\":[" + thousand + "," + minimal(1000) + "]}").post(BATCH).then()
                .statusCode(413).contentType(Problem.MEDIA_TYPE).body("detail", containsString("limit is 1000"));
    }

    @Test
    void malformedBatchesAreNamed() {
        given().filter(Contract.responsesOnly()).contentType(ContentType.JSON).body("{\"profile\":[]}").post(BATCH)
                .then().statusCode(400).body("violations.field", hasItem("profiles"));
        given().filter(Contract.responsesOnly()).contentType(ContentType.JSON).body("[]").post(BATCH)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        given().filter(Contract.responsesOnly()).contentType(ContentType.JSON).body("{\"profiles\":[1, null]}")
                .post(BATCH).then().statusCode(200).body("failed", equalTo(2));
    }

    @Test
    void compareNamesResolvedBottlenecksAndWhatResolvedThem() {
        String before = Examples.read("declining-coal-city.json");
        String after = before.replace("\"resourceIndustrySharePct\": 62.0", "\"resourceIndustrySharePct\": 25.0")
                .replace("\"privateEconomySharePct\": 38.0", "\"privateEconomySharePct\": 66.0")
                .replace("\"pm25\": 41.0", "\"pm25\": 52.0");
        assertTrue(!after.equals(before), "the example changed");
        JsonPath c = given().filter(Contract.validated()).contentType(ContentType.JSON).queryParam("lang", "en")
                .body("{\"before\":" + before + ",\"after\":" + after + "}").post(COMPARE).then().statusCode(200)
                .body("stage.before", equalTo("STAGE_1_RELATED_DIVERSIFICATION"))
                .extract().jsonPath();
        Map<String, Object> market = c.getMap("resolved.find { it.id == 'B-INST-MARKET' }");
        assertEquals(List.of("economy.privateEconomySharePct"), market.get("causedBy"));
        Map<String, Object> green = c.getMap("persisting.find { it.id == 'B-GREEN-PRESSURE' }");
        assertTrue(((Number) green.get("delta")).doubleValue() >= 0, "worse air never lowers green-pressure severity");
        assertTrue(c.getList("indicatorChanges.indicator").containsAll(List.of("economy.resourceIndustrySharePct",
                "economy.privateEconomySharePct", "urbanFunction.pm25")));
        assertTrue(c.getList("rankMoves.id").contains("C-INST-BIZENV"), "business-environment reform lost its reason");
    }

    @Test
    void aBottleneckClearedOnlyByTheNationalFigureIsABenchmarkShiftWithBothFigures() {
        // 13.7% aged 65+ unchanged: above the national 13.5% of 2020, below the national figure of 2023
        String profile = "{\"regionId\":\"t-shift\",\"name\":\"移动市\",\"year\":%d,\"level\":\"PREFECTURE\","
                + "\"talent\":{\"agedSharePct\":13.7}}";
        JsonPath c = given().filter(Contract.validated()).contentType(ContentType.JSON).queryParam("lang", "en")
                .body("{\"before\":" + profile.formatted(2020) + ",\"after\":" + profile.formatted(2023) + "}")
                .post(COMPARE).then().statusCode(200)
                .body("resolved.id", org.hamcrest.Matchers.not(hasItem("B-DEMOGRAPHIC-PRESSURE")))
                .body("benchmarkShift[0].id", equalTo("B-DEMOGRAPHIC-PRESSURE"))
                .body("benchmarkShift[0].shift", equalTo("CLEARED"))
                .body("benchmarkShift[0].indicator", equalTo("talent.agedSharePct"))
                .body("benchmarkShift[0].valueYear", equalTo(2020))
                .body("benchmarkShift[0].before.year", equalTo(2020))
                .body("benchmarkShift[0].before.national", equalTo(13.5f))
                .body("benchmarkShift[0].after.year", equalTo(2023))
                .body("cityIndustryStage.before", notNullValue())
                .extract().jsonPath();
        assertTrue(c.getFloat("benchmarkShift[0].after.national") > 13.7f, c.prettify());
    }

    @Test
    void deletingFieldsNeverResolvesABottleneck() {
        String before = Examples.read("declining-coal-city.json");
        JsonPath report = given().contentType(ContentType.JSON).queryParam("lang", "en").body(before)
                .post("/api/v1/recommendations").then().statusCode(200).extract().jsonPath();
        // the evidence of the two most severe bottlenecks, deleted from the profile
        List<String> deleted = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            for (String path : report.<String>getList("bottlenecks[" + i + "].evidence.indicator")) {
                if (!deleted.contains(path) && !path.startsWith("typology.")) {
                    deleted.add(path);
                }
            }
        }
        List<String> gone = report.getList("bottlenecks[0..1].id");
        com.fasterxml.jackson.databind.node.ObjectNode after;
        try {
            after = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(before);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (String path : deleted) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) after.get(path.substring(0, path.indexOf('.'))))
                    .remove(path.substring(path.indexOf('.') + 1));
        }
        JsonPath c = given().filter(Contract.validated()).contentType(ContentType.JSON).queryParam("lang", "en")
                .body("{\"before\":" + before + ",\"after\":" + after + "}").post(COMPARE).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(), c.getList("resolved"), "nothing changed value, so nothing is resolved");
        assertEquals(List.of(), c.getList("new"));
        assertEquals(List.of(), c.getList("indicatorChanges"));
        assertEquals(List.of(), c.getList("newlyObserved"));
        assertEquals(deleted.stream().sorted().toList(), c.<String>getList("noLongerObserved.indicator").stream().sorted().toList());
        // each of the two is either still found on other evidence or no longer observable, never resolved
        List<Object> kept = new ArrayList<>(c.getList("persisting.id"));
        kept.addAll(c.getList("noLongerObservable.id"));
        assertTrue(kept.containsAll(gone), gone + " among " + kept);
        assertTrue(c.getList("noLongerObservable.id").contains(gone.get(0)), c.getList("noLongerObservable").toString());
        for (Map<String, Object> p : c.<Map<String, Object>>getList("persisting")) {
            assertEquals(0.0, ((Number) p.get("delta")).doubleValue(), "no value changed: " + p);
        }
        for (Map<String, Object> n : c.<Map<String, Object>>getList("noLongerObservable")) {
            assertTrue(deleted.containsAll((List<?>) n.get("causedBy")) && !((List<?>) n.get("causedBy")).isEmpty(), n.toString());
        }
    }

    @Test
    void compareNamesTheSideOfABadField() {
        String coal = Examples.read("declining-coal-city.json");
        given().filter(Contract.responsesOnly()).contentType(ContentType.JSON)
                .body("{\"before\":" + coal + ",\"after\":" + coal.replace("\"rdIntensityPct\": 0.45", "\"rdIntensityPct\": 45")
                        + "}").post(COMPARE).then().statusCode(400)
                .body("violations.field", hasItem("after.innovation.rdIntensityPct"));
        given().filter(Contract.responsesOnly()).contentType(ContentType.JSON).body("{\"after\":" + coal + "}")
                .post(COMPARE).then().statusCode(400).body("violations.field", hasItem("before"));
    }
}
