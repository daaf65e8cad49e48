package io.nqpf.advisor.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.nqpf.advisor.support.Contract;
import io.quarkus.arc.Arc;
import io.quarkus.smallrye.openapi.runtime.DeferredOpenApiDocumentService;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The committed openapi/openapi.yaml is the contract other systems code against: it must be exactly what the
 * service serves. After an intended API change, regenerate it with {@code ./mvnw verify -Dopenapi.update=true}.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void committedDocumentMatchesTheServedOne() throws Exception {
        String served = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(Contract.DOCUMENT.getParent());
            Files.writeString(Contract.DOCUMENT, served);
        }
        JsonNode expected = YAML.readTree(Files.readString(Contract.DOCUMENT));
        JsonNode actual = YAML.readTree(served);
        assertEquals(expected, actual, "openapi/openapi.yaml differs from /q/openapi; if the change is intended run "
                + "./mvnw verify -Dopenapi.update=true and commit the document");
    }

    @Test
    void theJsonDocumentIsTheSameDocument() throws Exception {
        String served = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/json")).extract().asString();
        assertEquals(YAML.readTree(Files.readString(Contract.DOCUMENT)), new ObjectMapper().readTree(served));
    }

    /**
     * The service that serves the document is the one that prepares it after the start (issue 20); in tests Quarkus'
     * class loaders keep it from taking over the preparation, so that the packaged service's test checks that part
     * ({@code PackagedOpenApiIT}), and this one that it serves the document as it is.
     */
    @Test
    void theServiceInUseIsTheOneThatPreparesTheDocumentAfterTheStart() {
        assertInstanceOf(DeferredOpenApiDocumentService.class,
                Arc.container().select(OpenApiDocumentService.class).get());
    }

    @Test
    void everyOperationHasAnIdAndTheSwaggerUiIsServed() throws Exception {
        JsonNode doc = YAML.readTree(Files.readString(Contract.DOCUMENT));
        doc.get("paths").forEach(path -> path.forEach(op -> assertEquals(true, op.hasNonNull("operationId"),
                "operation without operationId: " + op)));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void healthAndMetricsAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
        given().contentType("application/json").body("{\"regionId\":\"m\",\"name\":\"m\",\"year\":2023,\"level\":\"COUNTY\"}")
                .post("/api/v1/recommendations").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("advisor_evaluations_seconds_count"))
                .body(org.hamcrest.Matchers.containsString("advisor_ruleset_builds_seconds_count{outcome=\"success\"}"))
                .body(org.hamcrest.Matchers.containsString("advisor_ruleset_rules"));
    }
}
