package io.nqpf.advisor.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.nqpf.advisor.engine.RuleSources;
import io.nqpf.advisor.knowledge.Catalog;
import io.nqpf.advisor.knowledge.CatalogLoader;
import io.nqpf.advisor.support.Contract;
import io.nqpf.advisor.support.Rules;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CatalogResourceTest {

    @Test
    void catalogServesEveryIdWithTextsAndSourcesInBothLanguages() {
        Catalog catalog = CatalogLoader.load(RuleSources.read(Rules.DIR).yaml()).catalog();
        JsonPath en = given().filter(Contract.validated()).queryParam("lang", "en").get("/api/v1/catalog").then()
                .statusCode(200)
                .body("language", equalTo("en"))
                .body("bottlenecks", hasSize(catalog.bottlenecks().size()))
                .body("countermeasures", hasSize(catalog.countermeasures().size()))
                .body("bottlenecks.title", everyItem(not(emptyOrNullString())))
                .body("countermeasures.actions.flatten()", everyItem(not(emptyOrNullString())))
                .body("countermeasures.sources.flatten().quote", everyItem(not(emptyOrNullString())))
                .extract().jsonPath();
        JsonPath zh = given().filter(Contract.validated()).header("Accept-Language", "zh-CN").get("/api/v1/catalog")
                .then().statusCode(200).body("language", equalTo("zh-CN")).extract().jsonPath();
        assertEquals(en.getList("countermeasures.id"), zh.getList("countermeasures.id"));
        assertNotEquals(en.getList("countermeasures.title"), zh.getList("countermeasures.title"));
        assertEquals(en.getList("bottlenecks.sources"), zh.getList("bottlenecks.sources"), "citations do not translate");
    }
}
