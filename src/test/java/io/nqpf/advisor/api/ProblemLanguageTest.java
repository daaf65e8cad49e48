package io.nqpf.advisor.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.nqpf.advisor.support.Contract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/**
 * Problem answers speak the language a report would: {@code lang}, else Accept-Language, else zh-CN. Only the human
 * texts change; type, status and each violation's field stay the same in every language.
 */
@QuarkusTest
class ProblemLanguageTest {

    private static final String URL = "/api/v1/recommendations";
    private static final String TOO_HIGH = """
            {"regionId":"t-1","name":"测试市","year":2023,"level":"PREFECTURE","innovation":{"rdIntensityPct":25}}""";
    private static final String UNKNOWN_FIELD = """
            {"regionId":"t-1","name":"测试市","year":2023,"level":"PREFECTURE","population":5}""";
    private static final String MINIMAL = """
            {"regionId":"t-1","name":"测试市","year":2023,"level":"PREFECTURE"}""";

    private static final String BAD_YEAR = """
            {"regionId":"t-1","name":"测试市","year":2023,"level":"PREFECTURE","talent":{"agedSharePct":13.7},
             "asOf":{"talent.agedSharePct":2024}}""";
    private static final String UNKNOWN_SOURCE = """
            {"regionId":"t-1","name":"测试市","year":2023,"level":"PREFECTURE","sources":{"talent.agedShare":"七普"}}""";

    private static ValidatableResponse post(RequestSpecification request, String body, int status) {
        return request.filter(Contract.responsesOnly()).contentType(ContentType.JSON).body(body).post(URL).then()
                .statusCode(status).contentType(startsWith(Problem.MEDIA_TYPE)).body("status", equalTo(status));
    }

    @Test
    void anOutOfRangeValueIsExplainedInChineseWhenLangAsksForIt() {
        post(given().queryParam("lang", "zh-CN"), TOO_HIGH, 400)
                .body("type", equalTo("urn:nqpf-advisor:problem:invalid-input"))
                .body("title", equalTo("区域画像无效"))
                .body("violations[0].field", equalTo("innovation.rdIntensityPct"))
                .body("violations[0].message", equalTo("须小于或等于 20（收到 25.0）"))
                .body("detail", equalTo("innovation.rdIntensityPct：须小于或等于 20（收到 25.0）"));
    }

    @Test
    void acceptLanguageChoosesWhenThereIsNoLang() {
        post(given().header("Accept-Language", "zh-CN"), TOO_HIGH, 400)
                .body("violations[0].field", equalTo("innovation.rdIntensityPct"))
                .body("violations[0].message", equalTo("须小于或等于 20（收到 25.0）"));
        post(given().header("Accept-Language", "fr;q=1, en;q=0.8, zh;q=0.5"), TOO_HIGH, 400)
                .body("title", equalTo("Invalid region profile"))
                .body("violations[0].message", equalTo("must be less than or equal to 20 (was 25.0)"));
        // without either, zh-CN, as for a report
        post(given(), TOO_HIGH, 400).body("violations[0].message", equalTo("须小于或等于 20（收到 25.0）"));
    }

    @Test
    void langOverridesAcceptLanguage() {
        post(given().queryParam("lang", "en").header("Accept-Language", "zh-CN"), TOO_HIGH, 400)
                .body("type", equalTo("urn:nqpf-advisor:problem:invalid-input"))
                .body("title", equalTo("Invalid region profile"))
                .body("violations[0].field", equalTo("innovation.rdIntensityPct"))
                .body("violations[0].message", equalTo("must be less than or equal to 20 (was 25.0)"))
                .body("detail", equalTo("innovation.rdIntensityPct: must be less than or equal to 20 (was 25.0)"));
    }

    @Test
    void aValueYearAfterTheProfileAndASourceOfNoFieldAreRefusedInTheRequestsLanguage() {
        post(given().queryParam("lang", "zh-CN"), BAD_YEAR, 400)
                .body("violations[0].field", equalTo("asOf.talent.agedSharePct"))
                .body("violations[0].message", equalTo("须为 2000 至 2023（画像年份）之间的年份（收到 2024）"));
        post(given().queryParam("lang", "en"), BAD_YEAR, 400)
                .body("violations[0].field", equalTo("asOf.talent.agedSharePct"))
                .body("violations[0].message", equalTo("must be a year from 2000 to 2023, the profile's year (was 2024)"));
        post(given().queryParam("lang", "en"), UNKNOWN_SOURCE, 400)
                .body("violations[0].field", equalTo("sources.talent.agedShare"))
                .body("violations[0].message", startsWith("'talent.agedShare' is not a field or group of the profile"));
        post(given().queryParam("lang", "zh-CN"), UNKNOWN_SOURCE, 400)
                .body("violations[0].message", startsWith("“talent.agedShare”不是区域画像的字段或分组"));
    }

    @Test
    void anUnknownFieldIsNamedInChinese() {
        post(given().queryParam("lang", "zh-CN"), UNKNOWN_FIELD, 400)
                .body("violations[0].field", equalTo("population"))
                .body("violations[0].message", startsWith("未知字段“population”；可用字段："));
    }

    @Test
    void aBadLimitIsExplainedInChineseAndAllIsAccepted() {
        post(given().queryParam("lang", "zh-CN").queryParam("limit", "0"), MINIMAL, 400)
                .body("title", equalTo("查询参数无效"))
                .body("violations[0].field", equalTo("limit"))
                .body("violations[0].message", equalTo("须为1至100的整数或 all（收到 0）"));
        post(given().queryParam("lang", "en").queryParam("limit", "every"), MINIMAL, 400)
                .body("violations[0].field", equalTo("limit"))
                .body("violations[0].message", equalTo("must be a whole number from 1 to 100 or all (was every)"));
        given().queryParam("lang", "zh-CN").queryParam("q", "七台河").queryParam("limit", "0").get("/api/v1/regions")
                .then().statusCode(400).body("violations[0].field", equalTo("limit"))
                .body("violations[0].message", equalTo("须为1至20的整数（收到 0）".replace("20", regionLimitMax())));
    }

    /** The most regions a search lists, as its English problem states it. */
    private static String regionLimitMax() {
        String english = given().queryParam("lang", "en").queryParam("q", "七台河").queryParam("limit", "0")
                .get("/api/v1/regions").then().statusCode(400).extract().path("violations[0].message");
        return english.replaceFirst("^must be a whole number from 1 to (\\d+) \\(was 0\\)$", "$1");
    }

    @Test
    void anUnknownRegionCodeIsExplainedInEitherLanguage() {
        given().queryParam("lang", "zh-CN").get("/api/v1/regions/999999/profile").then().statusCode(404)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .body("type", equalTo("urn:nqpf-advisor:problem:unknown-region"))
                .body("title", equalTo("未知区域"))
                .body("detail", startsWith("没有代码为 999999 的区域"));
        given().header("Accept-Language", "en-GB").get("/api/v1/regions/999999/profile").then().statusCode(404)
                .body("title", equalTo("Unknown region"))
                .body("detail", startsWith("No region has the code 999999"));
    }

    @Test
    void aBadLangIsItselfAProblemInTheHeadersLanguage() {
        post(given().queryParam("lang", "fr").header("Accept-Language", "en"), MINIMAL, 400)
                .body("title", equalTo("Invalid query parameter"))
                .body("violations[0].field", equalTo("lang"))
                .body("violations[0].message", containsString("(was fr)"));
        post(given().queryParam("lang", "fr"), MINIMAL, 400)
                .body("title", equalTo("查询参数无效"))
                .body("violations[0].field", equalTo("lang"))
                .body("violations[0].message", equalTo("须为 zh-CN 或 en，或二者之一的语言标签，如 en-US（收到 fr）"));
    }

    @Test
    void httpErrorsOutsideTheOperationsAreTranslatedToo() {
        given().queryParam("lang", "zh-CN").get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .body("type", equalTo("urn:nqpf-advisor:problem:not-found")).body("title", equalTo("未找到"));
        given().queryParam("lang", "zh-CN").contentType(ContentType.TEXT).body("x").post(URL).then().statusCode(415)
                .contentType(startsWith(Problem.MEDIA_TYPE)).body("title", equalTo("不支持的媒体类型"));
        given().queryParam("lang", "en").contentType(ContentType.TEXT).body("x").post(URL).then().statusCode(415)
                .body("title", equalTo("Unsupported Media Type"));
    }
}
