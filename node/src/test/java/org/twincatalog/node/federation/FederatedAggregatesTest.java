package org.twincatalog.node.federation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.twincatalog.catalog.NodeConfig;
import org.twincatalog.federation.harvest.MirrorWriter;
import org.twincatalog.node.support.Fixtures;
import org.twincatalog.node.support.LocalTokens;

/**
 * Aggregates count each record once, for its origin. This node is its own peer (a metro node
 * asking itself over HTTP) and holds one dataset of its own and one mirror harvested from a city
 * that no longer answers.
 */
@QuarkusTest
@TestProfile(FederationApiTest.WithADeadPeer.class)
class FederatedAggregatesTest {
    @Inject
    MirrorWriter writer;

    @Inject
    NodeConfig node;

    @Test
    void aggregates_countAMirrorForItsOrigin_onlyWhenItsOriginIsNotAsked() {
        String publisher = Fixtures.newOrganization();
        String city = Fixtures.uniqueId("city");
        String self = node.id();
        registerPeer(self, "http://127.0.0.1:" + RestAssured.port);
        registerPeer(city, "http://127.0.0.1:9");
        Fixtures.newDataset("dataset-minimal.json", publisher);
        writer.state(city);
        writer.apply(
                city,
                0,
                FeedPages.page(1, 1, FeedPages.created(1, FeedPages.dataset("roads", publisher, 1, "Mirrored roads"))));

        // the city is not asked: its records count through the mirror this node holds
        given().queryParam("peer", self)
                .queryParam("publisher", publisher)
                .queryParam("deadlineMs", 20_000) // the first search loads the analyzers
                .get("/api/v1/federation/aggregates")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("total", is(2))
                .body("byPeer[0].total", is(2))
                .body("merged.origin.value", containsInAnyOrder(self, city));

        // the city is asked too (and fails): this node counts only its own record, the mirror
        // is not counted a second time for a city that could not answer
        given().queryParam("peer", self)
                .queryParam("peer", city)
                .queryParam("publisher", publisher)
                .queryParam("deadlineMs", 20_000) // the first search loads the analyzers
                .get("/api/v1/federation/aggregates")
                .then()
                .statusCode(200)
                .body("total", is(1))
                .body("byPeer.peer", contains(self))
                .body("byPeer[0].total", is(1))
                .body("merged.origin.value", contains(self))
                .body("peers.find { it.peer == '" + city + "' }.outcome", is("error"));
    }

    @Test
    void search_filtersAndExcludesByOrigin_andCountsByIt() {
        String publisher = Fixtures.newOrganization();
        String city = Fixtures.uniqueId("city");
        Fixtures.newDataset("dataset-minimal.json", publisher);
        writer.state(city);
        writer.apply(
                city,
                0,
                FeedPages.page(1, 1, FeedPages.created(1, FeedPages.dataset("bldg", publisher, 3, "Mirrored bldg"))));

        given().queryParam("publisher", publisher)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("total", is(2))
                .body("facets.origin.value", containsInAnyOrder(node.id(), city));
        given().queryParam("publisher", publisher)
                .queryParam("origin", city)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("items.id", contains(city + ".bldg"));
        given().queryParam("publisher", publisher)
                .queryParam("excludeOrigin", city)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("total", is(1))
                .body("facets.origin.value", contains(node.id()));
    }

    private static void registerPeer(String id, String baseUrl) {
        given().spec(LocalTokens.bearer(LocalTokens.stewardOf("seoul")))
                .contentType(ContentType.JSON)
                .body("{\"name\":{\"en\":\"" + id + "\"},\"tier\":\"city\",\"baseUrl\":\"" + baseUrl
                        + "\",\"harvest\":false}")
                .put("/api/v1/federation/peers/" + id)
                .then()
                .statusCode(200);
    }
}
