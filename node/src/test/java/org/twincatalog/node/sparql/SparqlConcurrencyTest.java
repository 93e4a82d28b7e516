package org.twincatalog.node.sparql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twincatalog.interop.sparql.SparqlGate;
import org.twincatalog.interop.sparql.SparqlRefused;

/**
 * Only {@code tc.sparql.max-concurrent} queries run at once. The test takes every slot itself
 * (through the same gate the endpoint uses), so the endpoint finds the node full without racing
 * real queries, and without asserting on timing.
 */
@QuarkusTest
class SparqlConcurrencyTest {
    private static final String ASK = "ASK { ?s ?p ?o }";

    @Inject
    SparqlGate gate;

    @Test
    void aQueryBeyondTheConcurrencyLimit_answers503WithRetryAfter_andRunsOnceASlotIsFree() {
        List<SparqlGate.Slot> held = takeEverySlot();
        try {
            assertThat(held).as("tc.sparql.max-concurrent slots").isNotEmpty();
            given().queryParam("query", ASK)
                    .get("/api/v1/sparql")
                    .then()
                    .statusCode(503)
                    .contentType(containsString("application/problem+json"))
                    .header("Retry-After", is("1"))
                    .body("type", is("https://twin-catalog.org/problems/sparql-busy"))
                    .body("status", is(503))
                    .body("instance", is("/api/v1/sparql"));
            given().formParam("query", ASK).post("/api/v1/sparql").then().statusCode(503);
        } finally {
            held.forEach(SparqlGate.Slot::close);
        }
        given().queryParam("query", ASK).get("/api/v1/sparql").then().statusCode(200);
    }

    @Test
    void closingASlotTwice_freesItOnce() {
        List<SparqlGate.Slot> held = takeEverySlot();
        try {
            SparqlGate.Slot first = held.remove(0);
            first.close();
            first.close();
            held.add(gate.enter());
            org.assertj.core.api.Assertions.assertThatThrownBy(gate::enter).isInstanceOf(SparqlRefused.class);
        } finally {
            held.forEach(SparqlGate.Slot::close);
        }
    }

    private List<SparqlGate.Slot> takeEverySlot() {
        List<SparqlGate.Slot> held = new ArrayList<>();
        try {
            while (held.size() < 1000) {
                held.add(gate.enter());
            }
        } catch (SparqlRefused full) {
            return held;
        }
        held.forEach(SparqlGate.Slot::close);
        throw new AssertionError("the gate never filled up");
    }
}
