package io.nqpf.advisor.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.nqpf.advisor.profile.ProfileIndicators;
import io.nqpf.advisor.support.Contract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IndicatorResourceTest {

    private static final String URL = "/api/v1/indicators";

    @Test
    void servesEveryProfileIndicatorInBothLanguages() {
        List<String> paths = List.copyOf(ProfileIndicators.all().keySet());
        JsonPath en = given().filter(Contract.validated()).queryParam("lang", "en").get(URL).then().statusCode(200)
                .body("indicator", equalTo(paths))
                .body("officialName", everyItem(not(emptyOrNullString())))
                .body("definition", everyItem(not(emptyOrNullString())))
                .body("source", everyItem(not(emptyOrNullString())))
                .body("formula", everyItem(not(emptyOrNullString())))
                .extract().jsonPath();
        JsonPath zh = given().filter(Contract.validated()).header("Accept-Language", "zh-CN,zh;q=0.9").get(URL).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(en.getList("officialName"), zh.getList("officialName"), "the official name is the Chinese one");
        assertNotEquals(en.getList("definition"), zh.getList("definition"));
        assertEquals(en.getList("usedBy"), zh.getList("usedBy"));
        assertEquals("研发经费投入强度", zh.getString("find { it.indicator == 'innovation.rdIntensityPct' }.label"));
        assertEquals("R&D intensity", en.getString("find { it.indicator == 'innovation.rdIntensityPct' }.label"));
    }

    @Test
    void oneIndicatorCarriesItsNationalSeriesAndTheRulesThatUseIt() {
        given().filter(Contract.validated()).queryParam("lang", "en").get(URL + "/innovation.rdIntensityPct").then()
                .statusCode(200)
                .body("indicator", equalTo("innovation.rdIntensityPct"))
                .body("unit", equalTo("%"))
                .body("benchmarks.series", hasItem("RD_INTENSITY"))
                .body("benchmarks[0].thresholds.threshold", hasItem("RD_LOW"))
                .body("benchmarks[0].values.find { it.year == 2020 }.source", containsString("2020年全国科技经费投入统计公报"))
                .body("usedBy", hasItem("STAGE"))
                .body("usedBy", hasItem("B-FACTOR-DISADVANTAGE"));
        given().filter(Contract.validated()).queryParam("lang", "en").get(URL + "/talent.agedSharePct").then()
                .statusCode(200)
                .body("note", containsString("60+"))
                .body("benchmarks[0].series", equalTo("AGED_65_SHARE"));
        given().filter(Contract.validated()).get(URL + "/typology.oldIndustrialBase").then()
                .statusCode(200).body("unit", equalTo(null)).body("benchmarks", equalTo(List.of()));
    }

    @Test
    void anUnknownIndicatorOrLanguageIsAProblem() {
        given().filter(Contract.validated()).get(URL + "/talent.agedShare").then()
                .statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("talent.agedShare"));
        given().filter(Contract.responsesOnly()).queryParam("lang", "fr").get(URL).then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("violations[0].field", equalTo("lang"));
    }
}
