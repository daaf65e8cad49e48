package io.nqpf.advisor.api.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.nqpf.advisor.support.LimitsProfile;
import io.nqpf.advisor.support.TempRulesProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A reload of correct rules that the machine is too busy to build in time is stopped at the wall-clock backstop; that
 * says nothing against the rules, so the administrator gets 503 with Retry-After and the reason, never the 422 that
 * means "fix your rules", and the active ruleset keeps serving.
 */
@QuarkusTest
@TestProfile(LimitsProfile.class)
class StarvedBuildTest {

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", TempRulesProfile.PASSWORD).contentType(ContentType.JSON);
    }

    @Test
    void aReloadStarvedByABusyMachineIsA503ToRetryNotA422AndTheActiveRulesKeepServing() throws Exception {
        String version = given().get("/api/v1/ruleset").then().statusCode(200).extract().path("version");
        admin().header("Accept-Language", "en").body("{}").post("/api/v1/ruleset/reload").then()
                .statusCode(503)
                .header("Retry-After", "30")
                .body("type", equalTo("urn:nqpf-advisor:problem:build-busy"))
                .body("detail", containsString("too busy"))
                .body("detail", containsString("after it started"))
                .body("detail", not(containsString("loop")));
        admin().header("Accept-Language", "zh-CN").body("{}").post("/api/v1/ruleset/reload").then()
                .statusCode(503)
                .body("detail", containsString("繁忙"));
        given().get("/api/v1/ruleset").then().statusCode(200).body("version", equalTo(version));
        given().contentType(ContentType.JSON).body(Files.readString(Path.of("examples/declining-coal-city.json")))
                .post("/api/v1/recommendations").then().statusCode(200).body("ruleset.version", equalTo(version));
    }
}
