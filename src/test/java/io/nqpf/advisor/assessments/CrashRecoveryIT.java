package io.nqpf.advisor.assessments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nqpf.advisor.support.Examples;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/** A save answered 201 survives kill -9 of the service: after a restart on the same data it reads back whole. */
class CrashRecoveryIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void embedded() throws Exception {
        Path data = work.resolve("data").toAbsolutePath();
        crashAfterSaves(Map.of("advisor.data-dir", data.toString()));
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "ADVISOR_TEST_POSTGRESQL_URL", matches = ".+")
    void postgresql() throws Exception {
        crashAfterSaves(postgres());
    }

    static Map<String, String> postgres() {
        return Map.of("quarkus.datasource.postgresql.jdbc.url", System.getenv("ADVISOR_TEST_POSTGRESQL_URL"),
                "quarkus.datasource.postgresql.username", System.getenv("ADVISOR_TEST_POSTGRESQL_USER"),
                "quarkus.datasource.postgresql.password", System.getenv("ADVISOR_TEST_POSTGRESQL_PASSWORD"));
    }

    static String saveBody(String regionId, int year) throws Exception {
        ObjectNode profile = (ObjectNode) JSON.readTree(Examples.read("mid-size-inland-city.json"));
        profile.put("regionId", regionId);
        profile.put("year", year);
        ObjectNode body = JSON.createObjectNode();
        body.set("profile", profile);
        body.put("title", "before the crash");
        return body.toString();
    }

    private void crashAfterSaves(Map<String, String> database) throws Exception {
        Map<String, String> config = new HashMap<>(database);
        String regionId = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        List<JsonNode> saved = new ArrayList<>();
        ServiceProcess first = ServiceProcess.start(work, config);
        try {
            for (int year = 2019; year <= 2023; year++) {
                HttpResponse<String> r = first.post("/api/v1/assessments", saveBody(regionId, year), true);
                assertEquals(201, r.statusCode(), r.body());
                saved.add(JSON.readTree(r.body()));
            }
        } finally {
            // at once after the last 201: no shutdown hook runs, nothing is flushed
            first.kill();
        }
        try (ServiceProcess second = ServiceProcess.start(work, config)) {
            for (JsonNode s : saved) {
                HttpResponse<String> r = second.get("/api/v1/assessments/" + s.get("id").asText(), true);
                assertEquals(200, r.statusCode(), r.body());
                JsonNode read = JSON.readTree(r.body());
                assertEquals(s.get("report"), read.get("report"));
                assertEquals(s.get("profile"), read.get("profile"));
            }
            HttpResponse<String> list = second.get("/api/v1/assessments?regionId=" + regionId, true);
            assertEquals(5, JSON.readTree(list.body()).get("total").asInt(), list.body());
            assertTrue(second.get("/q/health/ready", false).body().contains("\"store\": \"UP\""));
        }
    }
}
