package io.nqpf.advisor.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nqpf.advisor.profile.ProfileReader;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.regions.CensusFigures;
import io.nqpf.advisor.regions.CensusRegion;
import io.nqpf.advisor.regions.RegionDirectory;
import io.nqpf.advisor.support.Contract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RegionResourceTest {

    @Inject
    RegionDirectory directory;
    @Inject
    ProfileReader reader;
    @Inject
    ObjectMapper json;

    private static final String URL = "/api/v1/regions";

    @Test
    void findsARegionByNameWithOrWithoutSuffixAndByCode() {
        for (String q : List.of("七台河", "七台河市", "230900", "2309")) {
            given().filter(Contract.validated()).queryParam("q", q).get(URL).then()
                    .statusCode(200)
                    .body("", hasSize(1))
                    .body("[0].code", equalTo("230900"))
                    .body("[0].name", equalTo("七台河市"))
                    .body("[0].province", equalTo("黑龙江省"))
                    .body("[0].provinceCode", equalTo("230000"))
                    .body("[0].level", equalTo("PREFECTURE"))
                    .body("[0].census.year", equalTo(List.of(2010, 2020)))
                    .body("[0].census[0].population", equalTo(920471))
                    .body("[0].census[1].population", equalTo(689611))
                    .body("[0].census[1].urbanizationRatePct", equalTo(77.2f))
                    .body("[0].census[1].agedSharePct", equalTo(15.16f));
        }
        given().filter(Contract.validated()).queryParam("q", "阿克苏市").get(URL).then()
                .statusCode(200).body("name", equalTo(List.of("阿克苏地区")));
    }

    @Test
    void anEmptyQueryListsTheFirstRegionsByCodeUpToTheLimit() {
        given().filter(Contract.validated()).get(URL).then().statusCode(200)
                .body("", hasSize(20)).body("[0].code", equalTo("110100")).body("[0].level", equalTo("PROVINCE"));
        List<String> codes = given().filter(Contract.validated()).queryParam("q", "").queryParam("limit", 100).get(URL)
                .then().statusCode(200).body("", hasSize(100)).extract().jsonPath().getList("code");
        assertEquals(codes.stream().sorted().toList(), codes);
        given().filter(Contract.validated()).queryParam("q", "23").queryParam("limit", 100).get(URL).then()
                .statusCode(200).body("code", everyItem(startsWith("23"))).body("macroRegion", everyItem(equalTo("NORTHEAST")));
    }

    @Test
    void badLimitIsAProblemNamingLimit() {
        for (String bad : List.of("0", "101", "x", "1.5")) {
            problem(given().filter(Contract.responsesOnly()).queryParam("q", "七台河").queryParam("limit", bad).get(URL), 400)
                    .body("violations[0].field", equalTo("limit"));
        }
    }

    @Test
    void theProfileOf2020IsValidAndShowsTheSteepPopulationLoss() {
        JsonPath answer = given().filter(Contract.validated()).queryParam("year", 2020).get(URL + "/230900/profile").then()
                .statusCode(200)
                .body("profile.regionId", equalTo("cn-230900"))
                .body("profile.name", equalTo("七台河市"))
                .body("profile.year", equalTo(2020))
                .body("profile.level", equalTo("PREFECTURE"))
                .body("profile.macroRegion", equalTo("NORTHEAST"))
                .body("profile.talent.residentPopulation", equalTo(689611))
                .body("profile.talent.urbanizationRatePct", equalTo(77.2f))
                .body("profile.talent.agedSharePct", equalTo(15.16f))
                .body("profile.talent.populationChangePct", equalTo(-2.85f))
                .body("provenance.source", containsString("Lei Dong et al."))
                .body("provenance.license", equalTo("MIT"))
                .body("provenance.censusYear", equalTo(2020))
                .body("provenance.derivations.indicator", hasItem("talent.populationChangePct"))
                .extract().jsonPath();
        Map<String, Object> profile = answer.getMap("profile");
        given().filter(Contract.validated()).contentType(ContentType.JSON).body(profile).post("/api/v1/recommendations")
                .then().statusCode(200)
                .body("region.regionId", equalTo("cn-230900"))
                .body("bottlenecks.id", hasItem("B-INST-TALENT"));
    }

    @Test
    void theProfileOf2010HasNoPopulationChangeAndIsValid() {
        Map<String, Object> profile = given().filter(Contract.validated()).queryParam("year", "2010")
                .get(URL + "/230900/profile").then().statusCode(200)
                .body("profile.year", equalTo(2010))
                .body("profile.talent.residentPopulation", equalTo(920471))
                .body("profile.talent.populationChangePct", nullValue())
                .body("provenance.derivations.indicator", everyItem(not("talent.populationChangePct")))
                .extract().jsonPath().getMap("profile");
        given().filter(Contract.validated()).contentType(ContentType.JSON).body(profile).post("/api/v1/recommendations")
                .then().statusCode(200);
    }

    @Test
    void everyRegionHasAValidProfileForEveryCensusWithItsFigures() throws Exception {
        int profiles = 0;
        for (CensusRegion region : directory.search("", Integer.MAX_VALUE)) {
            for (CensusFigures figures : region.census()) {
                RegionProfile profile = directory.startingProfile(region.code(), figures.year()).profile();
                reader.read(json.writeValueAsBytes(profile), RegionProfile.class);
                profiles++;
            }
        }
        assertEquals(2 * 369 - 2 * 10 - 1, profiles, "all but the Corps' ten cities (none) and 三沙 2010");
        given().filter(Contract.validated()).get(URL + "/500100/profile").then().statusCode(200)
                .body("profile.level", equalTo("PROVINCE")).body("profile.macroRegion", equalTo("WEST"));
        given().filter(Contract.validated()).get(URL + "/469021/profile").then().statusCode(200)
                .body("profile.level", equalTo("COUNTY")).body("profile.macroRegion", equalTo("EAST"));
        given().filter(Contract.validated()).get(URL + "/810000/profile").then().statusCode(200)
                .body("profile.level", equalTo("PROVINCE")).body("profile.macroRegion", nullValue());
    }

    @Test
    void unknownCodeIsA404NamingTheCode() {
        for (String code : List.of("999999", "abc")) {
            problem(given().filter(Contract.responsesOnly()).get(URL + "/" + code + "/profile"), 404)
                    .body("detail", containsString(code));
        }
    }

    @Test
    void badYearIsAProblemNamingYear() {
        for (String bad : List.of("2015", "20200", "x")) {
            problem(given().filter(Contract.responsesOnly()).queryParam("year", bad).get(URL + "/230900/profile"), 400)
                    .body("violations[0].field", equalTo("year"));
        }
    }

    @Test
    void aCensusWithoutFiguresForTheRegionIsAProblemSayingSo() {
        problem(given().filter(Contract.validated()).queryParam("year", 2010).get(URL + "/460300/profile"), 422)
                .body("detail", containsString("2010")).body("detail", containsString("三沙市"));
        problem(given().filter(Contract.validated()).get(URL + "/659001/profile"), 422);
    }

    @Test
    void aCensusOnlyProfileReportsTheLossSaysTheDataAreInsufficientNamesWhatToCollectAndTheStanding() {
        String start = given().filter(Contract.validated()).get(URL + "/230900/profile").then().statusCode(200)
                .extract().jsonPath().prettify();
        for (String lang : List.of("en", "zh-CN")) {
            JsonPath r = given().filter(Contract.validated()).contentType(ContentType.JSON).queryParam("lang", lang)
                    .body(profileOf(start)).post("/api/v1/recommendations").then().statusCode(200)
                    .body("bottlenecks.id", hasItem("B-INST-TALENT"))
                    .body("bottlenecks.find { it.id == 'B-INST-TALENT' }.evidence.indicator",
                            hasItem("talent.populationChangePct"))
                    .body("coverage.verdict", equalTo("INSUFFICIENT"))
                    .body("warnings", hasSize(0))
                    .body("nextIndicators", hasSize(5))
                    .body("peerContext.indicator", hasItem("talent.populationChangePct"))
                    .extract().jsonPath();
            assertEquals(r.getList("dataGaps[0..4].indicator"), r.getList("nextIndicators.indicator"));
            assertEquals(List.of(2020, 2020, 2020, 2020), r.getList("peerContext.censusYear"));
            int rank = r.getInt("peerContext.find { it.indicator == 'talent.populationChangePct' }.rank");
            int of = r.getInt("peerContext.find { it.indicator == 'talent.populationChangePct' }.of");
            assertTrue(rank > of * 0.95, "among the steepest losses: " + rank + " of " + of);
            String sentence = r.getString("peerContext.find { it.indicator == 'talent.populationChangePct' }.sentence");
            assertTrue(sentence.contains(String.valueOf(rank)) && sentence.contains(String.valueOf(of)), sentence);
        }
    }

    @Test
    void findsARegionByPinyinInFullSyllablesOrInitials() {
        for (String q : List.of("qitaihe", "QiTaiHe", "qi tai he", "qitaih", "qth", "qitaiheshi")) {
            given().filter(Contract.validated()).queryParam("q", q).get(URL).then().statusCode(200)
                    .body("code", hasItem("230900"));
        }
        // a polyphonic character reads either way: 重庆 is chongqing (zhongqing also matches the same character)
        given().filter(Contract.validated()).queryParam("q", "chongqing").get(URL).then().statusCode(200)
                .body("name", hasItem("重庆市"));
        given().filter(Contract.validated()).queryParam("q", "haerbin").get(URL).then().statusCode(200)
                .body("name", equalTo(List.of("哈尔滨市")));
        given().filter(Contract.validated()).queryParam("q", "xyzq").get(URL).then().statusCode(200)
                .body("", hasSize(0));
    }

    @Test
    void anEmptyYearIsAProblemNamingYearAndTheSizeClassIsSaidNotToBeFilled() {
        problem(given().filter(Contract.responsesOnly()).queryParam("year", "").get(URL + "/230900/profile"), 400)
                .body("violations[0].field", equalTo("year"));
        given().filter(Contract.validated()).get(URL + "/230900/profile").then().statusCode(200)
                .body("profile.sizeClass", nullValue())
                .body("provenance.notFilled.indicator", equalTo(List.of("sizeClass")))
                .body("provenance.notFilled[0].method", containsString("urban districts"));
    }

    @Test
    void theCompareOf2010And2020FromTheDirectoryCallsNothingNewOrResolvedThatOnlyAMissingFieldCauses() {
        String before = given().filter(Contract.validated()).queryParam("year", 2010).get(URL + "/230900/profile")
                .then().statusCode(200).extract().jsonPath().prettify();
        String after = given().filter(Contract.validated()).queryParam("year", 2020).get(URL + "/230900/profile")
                .then().statusCode(200).extract().jsonPath().prettify();
        JsonPath c = given().filter(Contract.validated()).contentType(ContentType.JSON).queryParam("lang", "en")
                .body("{\"before\":" + profileOf(before) + ",\"after\":" + profileOf(after) + "}")
                .post("/api/v1/recommendations/compare").then().statusCode(200).extract().jsonPath();
        // the annual change exists only from 2020 on: what it shows became observable, it is not new
        assertEquals(List.of("talent.populationChangePct"), c.getList("newlyObserved.indicator"));
        assertEquals(List.of(), c.getList("noLongerObserved"));
        assertEquals(List.of(-2.85f), c.getList("newlyObserved.value"));
        assertEquals(List.of("B-INST-TALENT"), c.getList("becameObservable.id"));
        assertEquals(List.of("talent.populationChangePct"), c.getList("becameObservable[0].causedBy"));
        assertEquals(List.of(List.of("B-INST-TALENT")), c.getList("newlyObserved.bottlenecks"));
        // what is new or resolved is caused by values given in both years that changed
        List<String> changed = c.getList("indicatorChanges.indicator");
        for (String side : List.of("new", "resolved")) {
            for (Map<String, Object> b : c.<Map<String, Object>>getList(side)) {
                List<?> causes = (List<?>) b.get("causedBy");
                assertTrue(!causes.isEmpty() && changed.containsAll(causes), side + " " + b);
            }
        }
        assertTrue(c.getList("new.id").contains("B-DEMOGRAPHIC-PRESSURE"), "65+ rose from 6.86% to 15.16%: " + c.getList("new"));
        assertTrue(!changed.contains("talent.populationChangePct"));
    }

    /** The profile of a starting-profile answer. */
    private String profileOf(String startingProfile) {
        try {
            return json.writeValueAsString(json.readTree(startingProfile).get("profile"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ValidatableResponse problem(Response response, int status) {
        return response.then().statusCode(status).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(status)).body("title", notNullValue());
    }
}
