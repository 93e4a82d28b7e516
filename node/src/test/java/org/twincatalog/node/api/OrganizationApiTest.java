package org.twincatalog.node.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.twincatalog.node.support.Fixtures;
import org.twincatalog.node.support.LocalTokens;

/** Organizations: the publishers, with admin area codes and names in ko/en/ja. */
@QuarkusTest
class OrganizationApiTest {

    @Test
    void create_thenGet_answersTheOrganizationWithItsEtag() {
        String id = Fixtures.newOrganization();
        // writes need a publisher of the owning organization (the access policy)
        RestAssured.requestSpecification = LocalTokens.asPublisherOf(id);
        given().get("/api/v1/organizations/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("areaCode", is("11440"))
                .body("name.ja", is("ソウル特別市 麻浦区"));
        given().queryParam("limit", 500).get("/api/v1/organizations").then().body("items.id", hasItem(id));
    }

    @Test
    void create_municipalityWithoutAreaCode_orBadCountry_answers422() {
        ObjectNode org = Fixtures.read("organization.json");
        String id = Fixtures.uniqueId("org");
        org.put("id", id);
        org.remove("areaCode");
        org.put("country", "Korea");
        org.put("parent", "no-such-parent");
        given().spec(LocalTokens.asPublisherOf(id))
                .contentType(ContentType.JSON)
                .body(org.toString())
                .post("/api/v1/organizations")
                .then()
                .statusCode(422)
                .body("errors.pointer", hasItems("/areaCode", "/country", "/parent"));
    }

    @Test
    void update_requiresIfMatch_andRejectsAChangedId() {
        String id = Fixtures.newOrganization();
        // writes need a publisher of the owning organization (the access policy)
        RestAssured.requestSpecification = LocalTokens.asPublisherOf(id);
        ObjectNode org = Fixtures.read("organization.json");
        org.put("id", id);
        org.put("email", "new@mapo.example.kr");

        given().contentType(ContentType.JSON)
                .body(org.toString())
                .put("/api/v1/organizations/" + id)
                .then()
                .statusCode(428);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(org.toString())
                .put("/api/v1/organizations/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("email", is("new@mapo.example.kr"));
        org.put("id", "other");
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"2\"")
                .body(org.toString())
                .put("/api/v1/organizations/" + id)
                .then()
                .statusCode(422)
                .body("errors[0].pointer", is("/id"));
    }

    @AfterEach
    void anonymousAgain() {
        RestAssured.requestSpecification = null;
    }
}
