package io.nqpf.advisor.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nqpf.advisor.support.Contract;
import io.nqpf.advisor.support.Examples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples the console offers as starting points: every file of examples/, served as it is, and nothing else. */
@QuarkusTest
class ExampleEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void listsEveryExampleFileWithItsRegionAndYear() throws Exception {
        List<String> names = Examples.all().stream().map(Path::getFileName).map(Path::toString)
                .map(f -> f.replaceFirst("\\.json$", "")).toList();
        JsonNode listed = JSON.readTree(given().filter(Contract.validated()).get("/api/v1/examples").then()
                .statusCode(200).extract().asString());
        assertEquals(names, listed.findValuesAsText("name"));
        for (JsonNode ref : listed) {
            JsonNode file = JSON.readTree(Examples.read(ref.get("name").asText() + ".json"));
            assertEquals(file.get("regionId"), ref.get("regionId"));
            assertEquals(file.get("name"), ref.get("title"));
            assertEquals(file.get("year"), ref.get("year"));
        }
    }

    @Test
    void servesEachExampleAsTheFileHoldsItAndItPostsAsItIs() throws Exception {
        for (Path file : Examples.all()) {
            String name = file.getFileName().toString().replaceFirst("\\.json$", "");
            String served = given().filter(Contract.validated()).get("/api/v1/examples/" + name).then().statusCode(200)
                    .contentType(ContentType.JSON).extract().asString();
            assertEquals(JSON.readTree(Examples.read(file.getFileName().toString())), JSON.readTree(served), name);
            given().contentType(ContentType.JSON).body(served).post("/api/v1/recommendations").then().statusCode(200);
        }
    }

    @Test
    void anythingButTheNameOfAnExampleIsNotFound() {
        for (String name : List.of("no-such-example", "README", "..%2Fpom", "declining-coal-city.json", "DECLINING-COAL-CITY")) {
            given().get("/api/v1/examples/" + name).then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("status", equalTo(404));
        }
        given().filter(Contract.validated()).get("/api/v1/examples/no-such-example").then().statusCode(404)
                .body("detail", containsString("no-such-example"));
    }
}
