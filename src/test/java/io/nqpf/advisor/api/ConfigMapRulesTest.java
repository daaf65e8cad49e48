package io.nqpf.advisor.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nqpf.advisor.support.ConfigMapRulesProfile;
import io.nqpf.advisor.support.Examples;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Rules mounted from a Kubernetes ConfigMap: they build at start, and the watcher picks up the atomic swap. Also where
 * idle connections are seen closed, this profile's idle timeout being short (the half-sent requests are SecurityTest's).
 */
@QuarkusTest
@TestProfile(ConfigMapRulesProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConfigMapRulesTest {

    /**
     * A connection that never sends a byte, opened before the class's first test: its idle timeout runs out while the
     * other test runs (on connections of its own), rather than in a test that only waits.
     */
    private static Socket idle;

    @TestHTTPResource("/")
    URI base;

    @BeforeEach
    void openTheIdleConnection() throws IOException {
        if (idle == null) {
            idle = new Socket(base.getHost(), base.getPort());
        }
    }

    @AfterAll
    static void closeTheIdleConnection() throws IOException {
        if (idle != null) {
            idle.close();
        }
    }

    @Test
    @Order(2)
    void idleConnectionsAreClosed() throws Exception {
        idle.setSoTimeout((int) ConfigMapRulesProfile.IDLE_TIMEOUT.multipliedBy(6).toMillis());
        assertEquals(-1, idle.getInputStream().read(), "the idle connection was not closed");
    }

    @Test
    @Order(1)
    void buildsAtStartAndReloadsAfterTheVolumeIsSwapped() throws Exception {
        given().get("/q/health/ready").then().statusCode(200);
        String before = given().get("/api/v1/ruleset").then().statusCode(200)
                .body("files", everyItem(not(startsWith(".."))))
                .extract().path("version");
        assertTrue(before.startsWith("1.0.0+"), before);

        ConfigMapRulesProfile.swapTo(ConfigMapRulesProfile.writeVersion("..2026_01_02_00_00_00.2", "1.0.7"));
        // as long as a build may run on a busy machine (advisor.rules.build-time-limit, 90 s) and then some
        String after = await().atMost(Duration.ofSeconds(150)).until(
                () -> given().get("/api/v1/ruleset").then().extract().<String>path("version"), v -> !v.equals(before));
        assertTrue(after.startsWith("1.0.7+"), "the watcher did not pick up the swap: " + after);
        given().contentType(ContentType.JSON).body(Examples.read("declining-coal-city.json"))
                .post("/api/v1/recommendations").then().statusCode(200)
                .body("ruleset.version", org.hamcrest.Matchers.equalTo(after));
    }
}
