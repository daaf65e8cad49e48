package io.nqpf.advisor.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nqpf.advisor.config.AdvisorConfig;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gate's table of endpoints: each body limit as configured, and the evaluations' bodies read on the event loop
 * before the operation starts, whether the path ends with a slash or not (both reach the same operation).
 */
@QuarkusTest
class EndpointTableTest {

    @Inject
    RequestGate gate;
    @Inject
    AdvisorConfig config;

    @Test
    void evaluationsAreReadFirstWithOrWithoutATrailingSlash() {
        for (String path : List.of("/api/v1/recommendations", "/api/v1/recommendations/summary",
                "/api/v1/recommendations/compare")) {
            assertTrue(gate.endpointOf(path).readFirst(), path);
            assertEquals(gate.endpointOf(path), gate.endpointOf(path + "/"), path);
        }
        for (String path : List.of("/api/v1/recommendations/batch", "/api/v1/ruleset/validate", "/api/v1/assessments")) {
            assertFalse(gate.endpointOf(path).readFirst(), path);
            assertEquals(gate.endpointOf(path), gate.endpointOf(path + "/"), path);
        }
    }

    @Test
    void limitsAreTheConfiguredOnes() {
        AdvisorConfig.Limits l = config.limits();
        assertEquals(l.profileBytes(), gate.endpointOf("/api/v1/recommendations").limit());
        assertEquals(2 * l.profileBytes(), gate.endpointOf("/api/v1/recommendations/compare").limit());
        assertEquals(l.batchBytes(), gate.endpointOf("/api/v1/recommendations/batch/").limit());
        assertEquals(l.validateBytes(), gate.endpointOf("/api/v1/ruleset/validate").limit());
        assertEquals(2 * l.profileBytes(), gate.endpointOf("/api/v1/assessments").limit());
    }
}
