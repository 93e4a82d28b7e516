package org.twincatalog.node.standards;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The standards registry is served as a JSON list. */
@QuarkusTest
class StandardsApiTest {

    @Test
    void list_holdsCityGmlIurAndApiStandards_withConformsToUris() {
        given().get("/api/v1/standards")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("id", hasItems("citygml-1.0", "citygml-2.0", "citygml-3.0", "iur-1.4", "iur-3.1"))
                .body("find { it.id == 'citygml-2.0' }.uri", is("http://www.opengis.net/spec/citygml/2.0"))
                .body("find { it.id == 'citygml-2.0' }.namespace", is("http://www.opengis.net/citygml/2.0"))
                .body("find { it.id == 'citygml-2.0' }.kind", is("data-model"));
    }

    @Test
    void kind_filtersTheList() {
        given().queryParam("kind", "api")
                .get("/api/v1/standards")
                .then()
                .statusCode(200)
                .body("$", not(empty()))
                .body("kind", everyItem(is("api")));
    }

    @Test
    void unknownKind_answersAProblem() {
        given().queryParam("kind", "astrology")
                .get("/api/v1/standards")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("kind must be one of"));
    }
}
