package org.twincatalog.node.sparql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.twincatalog.node.ogc.TestDatasets;

/**
 * An anonymous SPARQL query never makes the node fetch a URL (server-side request forgery): a
 * SERVICE clause in any of the protocol's three forms is refused with 400, and FROM / FROM NAMED
 * only choose among the node's own graphs. A listening server counts what reaches it.
 */
@QuarkusTest
class SparqlFetchesNothingTest {
    private static HttpServer target;
    private static final AtomicInteger REQUESTS = new AtomicInteger();

    @BeforeAll
    static void startTarget() throws IOException {
        target = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        target.createContext("/", exchange -> {
            REQUESTS.incrementAndGet();
            byte[] body = "<urn:a> <urn:b> <urn:c> .".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/turtle");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        target.start();
    }

    @AfterAll
    static void stopTarget() {
        if (target != null) {
            target.stop(0);
        }
    }

    @BeforeEach
    void resetCount() {
        REQUESTS.set(0);
    }

    private static String url() {
        return "http://127.0.0.1:" + target.getAddress().getPort() + "/sparql";
    }

    @Test
    void serviceInAGetQuery_answers400NamingService_andNothingIsFetched() {
        given().queryParam("query", "SELECT * WHERE { SERVICE <" + url() + "> { ?s ?p ?o } }")
                .get("/api/v1/sparql")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("SERVICE <" + url() + ">"));

        assertThat(REQUESTS).hasValue(0);
    }

    @Test
    void serviceWithAVariable_nestedInASubQuery_postedAsAForm_answers400_andNothingIsFetched() {
        String query = "SELECT * WHERE { { SELECT ?s WHERE { VALUES ?e { <" + url() + "> }"
                + " OPTIONAL { SERVICE SILENT ?e { ?s ?p ?o } } } } }";

        given().contentType("application/x-www-form-urlencoded; charset=utf-8")
                .formParam("query", query)
                .post("/api/v1/sparql")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("SERVICE"));

        assertThat(REQUESTS).hasValue(0);
    }

    @Test
    void serviceInAnExistsFilter_postedDirectly_answers400_andNothingIsFetched() {
        String query = "ASK { ?s ?p ?o FILTER NOT EXISTS { SERVICE <" + url() + "> { ?s ?x ?y } } }";

        given().contentType("application/sparql-query")
                .body(query.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/sparql")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");

        assertThat(REQUESTS).hasValue(0);
    }

    @Test
    void fromAndFromNamed_neverLoadTheUrl() {
        new TestDatasets().register("dataset-minimal.json", "from", null);

        given().queryParam("query", "SELECT * FROM <" + url() + "> WHERE { <urn:a> ?p ?o }")
                .get("/api/v1/sparql")
                .then()
                .statusCode(200)
                .body("results.bindings.size()", is(0));
        given().queryParam("query", "SELECT * FROM NAMED <" + url() + "> WHERE { GRAPH ?g { <urn:a> ?p ?o } }")
                .get("/api/v1/sparql")
                .then()
                .statusCode(200)
                .body("results.bindings.size()", is(0));

        assertThat(REQUESTS).hasValue(0);
    }
}
