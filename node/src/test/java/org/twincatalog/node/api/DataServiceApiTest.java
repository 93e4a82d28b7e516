package org.twincatalog.node.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.twincatalog.node.support.Fixtures;
import org.twincatalog.node.support.LocalTokens;

/** Data services (dcat:DataService) and the datasets they serve. */
@QuarkusTest
class DataServiceApiTest {

    @Test
    void create_serviceServingADataset_isFoundByThatDataset() {
        String publisher = Fixtures.newOrganization();
        // writes need a publisher of the owning organization (the access policy)
        RestAssured.requestSpecification = LocalTokens.asPublisherOf(publisher);
        String dataset = Fixtures.newDataset("dataset-minimal.json", publisher);
        Map<String, Object> service = Map.of(
                "title", Map.of("en", "Mapo OGC API Features"),
                "publisher", publisher,
                "endpointUrl", "https://api.mapo.example.kr/ogc/features",
                "conformsTo", List.of("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core"),
                "servesDatasets", List.of(dataset));

        String id = given().contentType(ContentType.JSON)
                .body(service)
                .post("/api/v1/services")
                .then()
                .statusCode(201)
                .header("ETag", "\"1\"")
                .extract()
                .path("id");

        given().queryParam("servesDataset", dataset)
                .get("/api/v1/services")
                .then()
                .statusCode(200)
                .body("items.id", contains(id))
                .body("total", is(1));
        given().delete("/api/v1/services/" + id).then().statusCode(204);
        given().queryParam("servesDataset", dataset)
                .get("/api/v1/services")
                .then()
                .body("total", is(0));
        given().get("/api/v1/services/" + id).then().statusCode(410);
    }

    @Test
    void create_servingAnUnknownDataset_orWithoutEndpoint_answers422() {
        String publisher = Fixtures.newOrganization();
        // writes need a publisher of the owning organization (the access policy)
        RestAssured.requestSpecification = LocalTokens.asPublisherOf(publisher);
        Map<String, Object> service =
                Map.of("title", Map.of("en", "Broken"), "publisher", publisher, "servesDatasets", List.of("missing"));
        given().contentType(ContentType.JSON)
                .body(service)
                .post("/api/v1/services")
                .then()
                .statusCode(422)
                .body("errors.pointer", contains("/endpointUrl", "/servesDatasets/0"));
    }

    @AfterEach
    void anonymousAgain() {
        RestAssured.requestSpecification = null;
    }
}
