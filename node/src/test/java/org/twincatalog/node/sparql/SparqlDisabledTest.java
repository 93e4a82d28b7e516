package org.twincatalog.node.sparql;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A node started with {@code tc.sparql.enabled=false} keeps no graph store and says so. */
@QuarkusTest
@TestProfile(SparqlDisabledTest.Disabled.class)
class SparqlDisabledTest {

    @Test
    void query_onANodeWithoutGraphStore_answers503SparqlDisabled() {
        given().queryParam("query", "ASK { ?s ?p ?o }")
                .get("/api/v1/sparql")
                .then()
                .statusCode(503)
                .contentType(containsString("application/problem+json"))
                .body("type", is("https://twin-catalog.org/problems/sparql-disabled"))
                .body("status", is(503))
                .body("instance", is("/api/v1/sparql"));
    }

    @Test
    void search_onANodeWithoutGraphStore_stillAnswers() {
        given().queryParam("q", "anything").get("/api/v1/search").then().statusCode(200);
    }

    /** SPARQL off; a data folder of its own (another profile's stores may still hold their locks). */
    public static class Disabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tc.sparql.enabled", "false", "tc.data-dir", "target/test-data-sparql-disabled");
        }

        @Override
        public String getConfigProfile() {
            return "test";
        }
    }
}
