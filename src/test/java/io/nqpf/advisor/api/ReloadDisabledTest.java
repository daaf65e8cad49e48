package io.nqpf.advisor.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** With ADVISOR_ADMIN_PASSWORD unset (the default) nobody may validate or reload, whatever they send. */
@QuarkusTest
class ReloadDisabledTest {

    @Test
    void withoutAPasswordNobodyMayReload() {
        for (String path : java.util.List.of("/api/v1/ruleset/reload", "/api/v1/ruleset/validate")) {
            given().auth().preemptive().basic("admin", "").contentType("application/json").queryParam("lang", "en")
                    .post(path).then()
                    .statusCode(401).body("detail", containsString("ADVISOR_ADMIN_PASSWORD is not set"));
            given().auth().preemptive().basic("admin", "anything").contentType("application/json")
                    .header("Accept-Language", "en").post(path).then()
                    .statusCode(401).body("detail", containsString("ADVISOR_ADMIN_PASSWORD is not set"));
            given().contentType("application/json").post(path).then().statusCode(401);
        }
    }
}
