package io.nqpf.advisor.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.nqpf.advisor.support.Contract;
import io.nqpf.advisor.support.Examples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

@QuarkusTest
class RecommendationResourceTest {

    private static final String URL = "/api/v1/recommendations";
    private static final String MINIMAL = """
            {"regionId":"t-1","name":"测试市","year":2023,"level":"PREFECTURE"}""";

    @TestFactory
    List<DynamicTest> everyExampleAnswersTheContractedReport() {
        return Examples.all().stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
            JsonPath report = post(Examples.read(path.getFileName().toString()), "en").then()
                    .statusCode(200)
                    .contentType(ContentType.JSON)
                    .body("decisionId", matchesPattern("[0-9a-f-]{36}"))
                    .body("language", equalTo("en"))
                    .body("ruleset.sha256", matchesPattern("[0-9a-f]{64}"))
                    .body("smartSpecialization.stage", notNullValue())
                    .body("trace", nullValue())
                    .extract().jsonPath();
            List<Float> scores = report.getList("recommendations.score", Float.class);
            for (int i = 1; i < scores.size(); i++) {
                assertFalse(scores.get(i) > scores.get(i - 1), "ranks follow score descending in " + path);
            }
            List<String> found = report.getList("bottlenecks.id");
            List<List<String>> addressed = report.getList("recommendations.addresses");
            addressed.forEach(ids -> ids.forEach(id -> assertFalse(!found.contains(id),
                    id + " is addressed but not in the report of " + path)));
        })).toList();
    }

    @Test
    void languagesDifferOnlyInText() {
        String body = Examples.read("declining-coal-city.json");
        JsonPath zh = post(body, "zh-CN").then().statusCode(200).extract().jsonPath();
        JsonPath en = post(body, "en").then().statusCode(200).extract().jsonPath();
        assertEquals("zh-CN", zh.getString("language"));
        for (String path : List.of("bottlenecks.id", "bottlenecks.severity", "recommendations.id",
                "recommendations.rank", "recommendations.score", "dataGaps.indicator", "watchlist.id")) {
            assertEquals(zh.getList(path), en.getList(path), path);
        }
        assertEquals(zh.getString("smartSpecialization.stage"), en.getString("smartSpecialization.stage"));
        assertFalse(zh.getString("recommendations[0].title").equals(en.getString("recommendations[0].title")));
    }

    @Test
    void sentencesNameCategoriesInTheReportLanguage() {
        String body = Examples.read("declining-coal-city.json");
        post(body, "zh-CN").then().statusCode(200)
                .body("smartSpecialization.rationale", containsString("主要资源类型为煤炭"))
                .body("smartSpecialization.rationale", not(containsString("COAL")))
                .body("recommendations[0].explanation", containsString("严重度高"))
                .body("recommendations[0].explanation", not(containsString("HIGH")));
        post(body, "en").then().statusCode(200)
                .body("smartSpecialization.rationale", containsString("Main resource type is coal"));
    }

    @Test
    void aReportListsTwelveMeasuresByDefaultAndLimitChangesIt() {
        String body = Examples.read("declining-coal-city.json");
        given().filter(Contract.validated()).contentType(ContentType.JSON).body(body).post(URL).then().statusCode(200)
                .body("recommendations.size()", equalTo(12));
        given().filter(Contract.validated()).contentType(ContentType.JSON).queryParam("limit", 3).body(body).post(URL)
                .then().statusCode(200).body("recommendations.size()", equalTo(3))
                .body("recommendations.rank", equalTo(List.of(1, 2, 3)));
        List<String> top = given().contentType(ContentType.JSON).queryParam("limit", 30).body(body).post(URL).then()
                .statusCode(200).extract().path("recommendations.id");
        org.junit.jupiter.api.Assertions.assertTrue(top.size() > 12, "the coal city has more than 12 measures: " + top);
        // all lists every ranked measure: as many as the largest number allows, and in the same order
        List<String> all = given().filter(Contract.validated()).contentType(ContentType.JSON).queryParam("limit", "all")
                .body(body).post(URL).then().statusCode(200).extract().path("recommendations.id");
        List<String> hundred = given().contentType(ContentType.JSON).queryParam("limit", 100).body(body).post(URL).then()
                .statusCode(200).extract().path("recommendations.id");
        assertEquals(hundred, all);
        org.junit.jupiter.api.Assertions.assertTrue(all.size() >= top.size(), all.size() + " < " + top.size());
        for (String bad : List.of("0", "101", "ten", "ALL", "all5")) {
            given().filter(Contract.responsesOnly()).contentType(ContentType.JSON).queryParam("limit", bad).body(body)
                    .post(URL).then().statusCode(400).body("violations[0].field", equalTo("limit"));
        }
    }

    @Test
    void acceptLanguageChoosesWhenNoLangParameter() {
        given().filter(Contract.validated()).contentType(ContentType.JSON).header("Accept-Language", "fr;q=1, en;q=0.8")
                .body(MINIMAL).post(URL).then().statusCode(200).body("language", equalTo("en"));
        given().filter(Contract.validated()).contentType(ContentType.JSON)
                .body(MINIMAL).post(URL).then().statusCode(200).body("language", equalTo("zh-CN"));
    }

    @Test
    void acceptLanguageWeightsChooseTheMostPreferredLanguageSpoken() {
        given().filter(Contract.validated()).contentType(ContentType.JSON)
                .header("Accept-Language", "zh-CN;q=0.3, fr, en-GB;q=0.9")
                .body(MINIMAL).post(URL).then().statusCode(200).body("language", equalTo("en"));
        given().filter(Contract.validated()).contentType(ContentType.JSON).header("Accept-Language", "en;q=0, zh;q=0.5")
                .body(MINIMAL).post(URL).then().statusCode(200).body("language", equalTo("zh-CN"));
    }

    @Test
    void langParameterTakesATagOfASupportedLanguageLikeTheHeader() {
        given().filter(Contract.validated()).contentType(ContentType.JSON).queryParam("lang", "en-US")
                .header("Accept-Language", "zh-CN").body(MINIMAL).post(URL).then().statusCode(200)
                .body("language", equalTo("en"));
        given().filter(Contract.validated()).queryParam("lang", "en-US").get("/api/v1/catalog").then().statusCode(200)
                .body("language", equalTo("en"));
    }

    @Test
    void explainFullAddsTheTraceOfFiredRules() {
        given().filter(Contract.validated()).contentType(ContentType.JSON).queryParam("explain", "full")
                .body(Examples.read("declining-coal-city.json")).post(URL).then().statusCode(200)
                .body("trace[0].order", equalTo(1))
                .body("trace.rule", hasItem(containsString("B-IND-PATH-LOCK")));
    }

    @Test
    void decisionIdIsNewForEveryEvaluation() {
        String a = post(MINIMAL, "en").then().extract().path("decisionId");
        String b = post(MINIMAL, "en").then().extract().path("decisionId");
        assertFalse(a.equals(b));
    }

    // ---------- bad input: 4xx problems that name the field ----------

    @Test
    void malformedJsonIsA400Problem() {
        problem("{\"regionId\": \"x\", \"name\": ", 400).body("title", equalTo("Malformed JSON"))
                .body("detail", containsString("line 1"));
    }

    @Test
    void wrongTypeNamesTheField() {
        violation(with("\"innovation\":{\"rdIntensityPct\":\"high\"}"), "innovation.rdIntensityPct", "must be a number");
    }

    @Test
    void numberAsStringIsRefused() {
        violation(with("\"innovation\":{\"rdIntensityPct\":\"2.5\"}"), "innovation.rdIntensityPct", "must be a number");
    }

    @Test
    void fractionForAWholeNumberIsRefused() {
        violation(MINIMAL.replace("2023", "2023.5"), "year", "whole number");
    }

    @Test
    void unknownFieldIsRejectedByName() {
        violation(with("\"economy\":{\"rdIntensityPct\":2.0}"), "economy.rdIntensityPct", "unknown field");
    }

    @Test
    void unknownTopLevelFieldIsRejectedByName() {
        violation(with("\"population\":5"), "population", "unknown field");
    }

    @Test
    void outOfRangeNamesTheField() {
        violation(with("\"innovation\":{\"rdIntensityPct\":25}"), "innovation.rdIntensityPct", "less than or equal to 20");
    }

    @Test
    void negativeCountIsRefused() {
        violation(with("\"innovation\":{\"universities\":-1}"), "innovation.universities", "greater than or equal to 0");
    }

    @Test
    void inconsistentSharesNameTheGroup() {
        violation(with("\"economy\":{\"primarySharePct\":50,\"secondarySharePct\":30,\"tertiarySharePct\":30}"),
                "economy", "must be 100 ± 2");
    }

    @Test
    void sharesWithinToleranceAreAccepted() {
        post(with("\"economy\":{\"primarySharePct\":10,\"secondarySharePct\":40,\"tertiarySharePct\":51.5}"), "en")
                .then().statusCode(200);
    }

    @Test
    void missingRequiredFieldIsNamed() {
        violation("{\"name\":\"x\",\"year\":2023,\"level\":\"COUNTY\"}", "regionId", "must not be null");
    }

    @Test
    void badRegionIdIsNamed() {
        violation(MINIMAL.replace("t-1", "t 1/2"), "regionId", "1-64 characters");
    }

    @Test
    void unknownEnumValueListsTheChoices() {
        violation(MINIMAL.replace("PREFECTURE", "CITY"), "level", "must be one of PROVINCE, PREFECTURE");
    }

    @Test
    void nullForANestedGroupMeansUnknown() {
        post(with("\"economy\":null"), "en").then().statusCode(200);
    }

    @Test
    void duplicateKeysAreRefused() {
        problem("{\"regionId\":\"a\",\"regionId\":\"b\",\"name\":\"x\",\"year\":2023,\"level\":\"COUNTY\"}", 400)
                .body("violations[0].field", equalTo("regionId"));
    }

    @Test
    void arrayInsteadOfObjectIsRefused() {
        problem("[1,2]", 400).body("violations[0].message", containsString("object"));
    }

    @Test
    void emptyBodyIsRefused() {
        problem("", 400);
    }

    @Test
    void badLangParameterIsNamed() {
        given().filter(Contract.responsesOnly()).contentType(ContentType.JSON).queryParam("lang", "fr").body(MINIMAL)
                .post(URL).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("violations[0].field", equalTo("lang"));
        given().filter(Contract.responsesOnly()).contentType(ContentType.JSON).queryParam("lang", "en_US!").body(MINIMAL)
                .post(URL).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("violations[0].field", equalTo("lang"));
    }

    @Test
    void badExplainParameterIsNamed() {
        given().filter(Contract.responsesOnly()).contentType(ContentType.JSON).queryParam("explain", "yes").body(MINIMAL)
                .post(URL).then().statusCode(400).body("violations[0].field", equalTo("explain"));
    }

    @Test
    void wrongMediaTypeIsA415Problem() {
        given().contentType(ContentType.TEXT).body(MINIMAL).post(URL).then().statusCode(415)
                .contentType(Problem.MEDIA_TYPE).body("status", equalTo(415));
    }

    @Test
    void oversizedBodyIsA413ProblemNamingTheLimit() {
        String padding = "x".repeat(300_000);
        given().filter(Contract.responsesOnly()).contentType(ContentType.JSON)
                .body(MINIMAL.replace("测试市", padding)).post(URL).then().statusCode(413)
                .contentType(Problem.MEDIA_TYPE).body("detail", containsString("262144"));
    }

    @Test
    void wrongMethodAndUnknownPathAreProblems() {
        given().get(URL).then().statusCode(405).contentType(Problem.MEDIA_TYPE);
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void hostileBodiesAreClientErrorsNeverServerErrors() {
        List<String> bodies = List.of("null", "\"text\"", "42", "{}", "{\"regionId\":null}", "[]",
                "{".repeat(5000) + "}".repeat(5000),
                "[".repeat(5000) + "]".repeat(5000),
                with("\"urbanRural\":{\"ruralIncomeYuan\":1e400}"),
                with("\"digital\":{\"dataIncidentsPer100k\":1e400}"),
                with("\"talent\":{\"residentPopulation\":1e400}"),
                with("\"talent\":{\"residentPopulation\":99999999999999999999999}"),
                with("\"innovation\":{\"universities\":3.0}"),
                with("\"economy\":[1,2]"),
                with("\"economy\":\"high\""),
                with("\"typology\":{\"resourceType\":\"coal\"}"),
                with("\"typology\":{\"oldIndustrialBase\":\"yes\"}"),
                with("\"typology\":{\"oldIndustrialBase\":1}"),
                MINIMAL + "garbage",
                "{\"regionId\":\"x\",\"name\":\"\",\"year\":1999,\"level\":\"COUNTY\"}");
        for (String body : bodies) {
            var response = given().contentType(ContentType.JSON).body(body).post(URL);
            assertEquals(400, response.statusCode(), "for body " + body.substring(0, Math.min(80, body.length())));
            assertEquals(Problem.MEDIA_TYPE, response.contentType());
        }
    }

    @Test
    void severalViolationsAreAllNamed() {
        given().contentType(ContentType.JSON)
                .body(with("\"innovation\":{\"rdIntensityPct\":25,\"techContractTurnoverPctGdp\":-3}")).post(URL)
                .then().statusCode(400)
                .body("violations.field", equalTo(List.of("innovation.rdIntensityPct", "innovation.techContractTurnoverPctGdp")))
                .body("violations.message", everyItem(not(containsString("evaluate"))));
    }

    static io.restassured.response.Response post(String body, String lang) {
        return given().filter(Contract.validated()).contentType(ContentType.JSON).queryParam("lang", lang)
                .body(body).post(URL);
    }

    /** A problem answer in English (lang=en); ProblemLanguageTest asserts the other languages. */
    private static io.restassured.response.ValidatableResponse problem(String body, int status) {
        return given().filter(Contract.responsesOnly()).contentType(ContentType.JSON).queryParam("lang", "en").body(body)
                .post(URL).then()
                .statusCode(status).contentType(Problem.MEDIA_TYPE).body("status", equalTo(status))
                .body("title", notNullValue());
    }

    private static void violation(String body, String field, String message) {
        problem(body, 400).body("violations.field", hasItem(field))
                .body("violations.find { it.field == '" + field + "' }.message", containsString(message));
    }

    private static String with(String members) {
        return MINIMAL.substring(0, MINIMAL.length() - 1) + "," + members + "}";
    }
}
