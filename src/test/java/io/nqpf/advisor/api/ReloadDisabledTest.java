package io.nqpf.advisor.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** With ADVISOR_ADMIN_PASSWORD unset (the default) nobody may reload, whatever they send. */
@QuarkusTest
class ReloadDisabledTest {

    @Test
    void withoutAPasswordNobodyMayReload() {
        given().auth().preemptive().basic("admin", "").post("/api/v1/ruleset/reload").then().statusCode(401)
                .body("detail", containsString("ADVISOR_ADMIN_PASSWORD is not set"));
        given().post("/api/v1/ruleset/reload").then().statusCode(401);
    }
}
