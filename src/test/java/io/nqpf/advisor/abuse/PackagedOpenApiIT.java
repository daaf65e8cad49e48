package io.nqpf.advisor.abuse;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.nqpf.advisor.support.Contract;
import io.nqpf.advisor.support.Rules;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The packaged service prepares its OpenAPI document after the start (issue 20, start-up), which only the packaged
 * service's class loading allows (tests load the application's classes apart): it serves the committed document, as
 * YAML and as JSON, and the preparation did run after the start. Run by failsafe after packaging.
 */
class PackagedOpenApiIT {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();

    @Test
    void theDocumentPreparedAfterTheStartIsTheCommittedOne() throws Exception {
        Path work = Files.createTempDirectory(Path.of("target"), "it-openapi").toAbsolutePath();
        Path rules = Files.createDirectories(work.resolve("rules"));
        Rules.copyTo(rules);
        try (PackagedServiceIT.Service s = PackagedServiceIT.start(rules, work.resolve("data"),
                "-Dquarkus.log.category.\"io.quarkus.smallrye.openapi.runtime\".level=DEBUG")) {
            await("readiness").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> get(s, "/q/health/ready").statusCode() == 200);
            JsonNode committed = YAML.readTree(Files.readString(Contract.DOCUMENT));
            HttpResponse<String> yaml = get(s, "/q/openapi?format=yaml");
            assertEquals(200, yaml.statusCode());
            assertEquals(committed, YAML.readTree(yaml.body()), "the YAML document differs from openapi/openapi.yaml");
            HttpResponse<String> json = get(s, "/q/openapi?format=json");
            assertEquals(200, json.statusCode());
            assertEquals(committed, new ObjectMapper().readTree(json.body()),
                    "the JSON document differs from openapi/openapi.yaml");
            assertTrue(s.log.toString().contains("The OpenAPI document was prepared after the start"),
                    "the document was prepared while the service started:\n" + s.log);
        }
    }

    private HttpResponse<String> get(PackagedServiceIT.Service s, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(s.base.resolve(path)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
