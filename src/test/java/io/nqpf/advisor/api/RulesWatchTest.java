package io.nqpf.advisor.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nqpf.advisor.support.AbortingProbe;
import io.nqpf.advisor.support.ConfigMapRulesProfile;
import io.nqpf.advisor.support.Examples;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * With advisor.rules.watch=true an edited rule takes effect without a restart, and a broken edit changes nothing. The
 * rules are laid out as a ConfigMap volume lays them out (the service {@code ConfigMapRulesTest} starts): an edit is
 * written through the file's link into the directory {@code ..data} points at.
 */
@QuarkusTest
@TestProfile(ConfigMapRulesProfile.class)
class RulesWatchTest {

    private static final Pattern FAILED_BUILDS =
            Pattern.compile("advisor_ruleset_builds_seconds_count\\{outcome=\"failure\"[^}]*\\} (\\S+)");

    private static String version() {
        return given().get("/api/v1/ruleset").then().statusCode(200).extract().path("version");
    }

    private static double failedBuilds() {
        Matcher m = FAILED_BUILDS.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static String awaitVersionOtherThan(String old) {
        return await().atMost(Duration.ofSeconds(60)).until(RulesWatchTest::version, now -> !now.equals(old));
    }

    private static double awaitFailedBuildsAbove(double old) {
        return await().atMost(Duration.ofSeconds(60)).until(RulesWatchTest::failedBuilds, now -> now > old);
    }

    /**
     * The bottlenecks found in a profile, for conditions polled until the watcher's build goes live: read as a value,
     * so that the polls before it (the service answering as it should with the rules before) print nothing.
     */
    private static List<String> bottlenecks(String profile) {
        return given().contentType(ContentType.JSON).body(profile).post("/api/v1/recommendations").then().statusCode(200)
                .extract().path("bottlenecks.id");
    }

    @Inject
    AbortingProbe probe;

    @Test
    void anEditWhoseBuildIsAbortedIsBuiltAgainUntilABuildEnds() throws Exception {
        Path drl = ConfigMapRulesProfile.DIR.resolve("smart-city.drl");
        String original = Files.readString(drl);
        String coal = Examples.read("declining-coal-city.json");
        String token = UUID.randomUUID().toString();
        // whatever another test left behind is live first
        await().atMost(Duration.ofSeconds(60)).until(() -> bottlenecks(coal), ids -> ids.contains("B-RESILIENCE"));
        try {
            // a good edit whose first two builds are aborted, as on a machine too busy to build within the limit
            Files.writeString(drl, original.replace("findings.bottleneck(kcontext, \"B-RESILIENCE\");", "// retired")
                    + "\n// abort the first 2 builds: " + token + "\n");
            await().atMost(Duration.ofSeconds(60)).until(() -> bottlenecks(coal), ids -> !ids.contains("B-RESILIENCE"));
            assertEquals(3, probe.builds(token), "two aborted builds, then the one that went live");
        } finally {
            Files.writeString(drl, original);
        }
    }

    @Test
    void editingARuleFileTakesEffectOnTheNextRequests() throws Exception {
        Path drl = ConfigMapRulesProfile.DIR.resolve("smart-city.drl");
        String original = Files.readString(drl);
        String coal = Examples.read("declining-coal-city.json");
        try {
            given().contentType(ContentType.JSON).body(coal).post("/api/v1/recommendations").then()
                    .body("bottlenecks.id", hasItem("B-RESILIENCE"));
            String before = version();
            double failedBefore = failedBuilds();
            // a broken edit is tried by the watcher, refused, and the last good ruleset keeps serving
            Files.writeString(drl, original + "\nrule \"broken\" when then end end\n");
            assertTrue(awaitFailedBuildsAbove(failedBefore) > failedBefore,
                    "the watcher did not try to build the broken edit");
            assertEquals(before, version());
            given().contentType(ContentType.JSON).body(coal).post("/api/v1/recommendations").then().statusCode(200);
            // a good edit goes live by itself
            Files.writeString(drl, original.replace("findings.bottleneck(kcontext, \"B-RESILIENCE\");", "// retired"));
            String after = awaitVersionOtherThan(before);
            assertNotEquals(before, after, "the watcher did not reload the edited rules");
            // each replica shows its version in readiness and in the metrics, the old one gone
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(metrics.contains("advisor_ruleset_info{version=\"" + after + "\"} 1.0"), metrics);
            assertFalse(metrics.contains("advisor_ruleset_info{version=\"" + before + "\"}"), "the old version is gone");
            given().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'ruleset' }.data.version", org.hamcrest.Matchers.equalTo(after));
            given().contentType(ContentType.JSON).body(coal).post("/api/v1/recommendations").then()
                    .body("bottlenecks.id", not(hasItem("B-RESILIENCE")));
        } finally {
            Files.writeString(drl, original);
        }
    }
}
