package io.nqpf.advisor.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.nqpf.advisor.support.Examples;
import io.nqpf.advisor.support.TempRulesProfile;
import io.nqpf.advisor.support.WatchedRulesProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** With advisor.rules.watch=true an edited rule takes effect without a restart, and a broken edit changes nothing. */
@QuarkusTest
@TestProfile(WatchedRulesProfile.class)
class RulesWatchTest {

    private static String version() {
        return given().get("/api/v1/ruleset").then().statusCode(200).extract().path("version");
    }

    private static String awaitVersionOtherThan(String old) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            String now = version();
            if (!now.equals(old)) {
                return now;
            }
            Thread.sleep(100);
        }
        return old;
    }

    @Test
    void editingARuleFileTakesEffectOnTheNextRequests() throws Exception {
        Path drl = TempRulesProfile.DIR.resolve("smart-city.drl");
        String original = Files.readString(drl);
        String coal = Examples.read("declining-coal-city.json");
        try {
            given().contentType(ContentType.JSON).body(coal).post("/api/v1/recommendations").then()
                    .body("bottlenecks.id", hasItem("B-RESILIENCE"));
            String before = version();
            // a broken edit is refused and the last good ruleset keeps serving
            Files.writeString(drl, original + "\nrule \"broken\" when then end end\n");
            Thread.sleep(1500);
            assertEquals(before, version());
            given().contentType(ContentType.JSON).body(coal).post("/api/v1/recommendations").then().statusCode(200);
            // a good edit goes live by itself
            Files.writeString(drl, original.replace("findings.bottleneck(kcontext, \"B-RESILIENCE\");", "// retired"));
            String after = awaitVersionOtherThan(before);
            assertNotEquals(before, after, "the watcher did not reload the edited rules");
            given().contentType(ContentType.JSON).body(coal).post("/api/v1/recommendations").then()
                    .body("bottlenecks.id", not(hasItem("B-RESILIENCE")));
        } finally {
            Files.writeString(drl, original);
        }
    }
}
