package org.twincatalog.node.sparql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twincatalog.node.ogc.TestDatasets;
import org.twincatalog.node.support.LocalTokens;

/** /api/v1/sparql: answers over the visible graphs only, in the negotiated format, with limits. */
@QuarkusTest
class SparqlApiTest {
    private static final String PREFIXES =
            "PREFIX dct: <http://purl.org/dc/terms/> PREFIX dcat: <http://www.w3.org/ns/dcat#> ";

    @Test
    void aPublicDataset_isInItsOwnNamedGraph_andInTheDefaultGraph() {
        TestDatasets mine = new TestDatasets();
        String id = mine.register("dataset-full.json", "alpha", null);

        List<String> graphs = given().queryParam(
                        "query",
                        PREFIXES + "SELECT ?g WHERE { GRAPH ?g { ?d dct:identifier \"" + id + "\" ; a dcat:Dataset } }")
                .get("/api/v1/sparql")
                .then()
                .statusCode(200)
                .contentType(containsString("application/sparql-results+json"))
                .extract()
                .path("results.bindings.g.value");
        assertThat(graphs).singleElement().asString().endsWith("/api/v1/datasets/" + id);
        given().queryParam("query", PREFIXES + "ASK { ?d dct:identifier \"" + id + "\" }")
                .get("/api/v1/sparql")
                .then()
                .statusCode(200)
                .body("boolean", is(true));
    }

    @Test
    void aDatasetsGraph_namesItsPublisherOrganization_andIsRemovedWhenTheDatasetIsWithdrawn() {
        TestDatasets mine = new TestDatasets();
        String id = mine.register("dataset-full.json", "named", null);
        String publisherName = PREFIXES + "PREFIX foaf: <http://xmlns.com/foaf/0.1/> SELECT ?name WHERE { GRAPH ?g {"
                + " ?d dct:identifier \"" + id + "\" ; dct:publisher ?p . ?p foaf:name ?name } }";

        List<String> names = given().queryParam("query", publisherName)
                .get("/api/v1/sparql")
                .then()
                .statusCode(200)
                .extract()
                .path("results.bindings.name.value");
        assertThat(names).contains("Mapo-gu, Seoul", "서울특별시 마포구");

        given().spec(LocalTokens.asPublisherOf(mine.publisher()))
                .delete("/api/v1/datasets/" + id)
                .then()
                .statusCode(204);
        given().queryParam("query", PREFIXES + "ASK { GRAPH ?g { ?d dct:identifier \"" + id + "\" } }")
                .get("/api/v1/sparql")
                .then()
                .statusCode(200)
                .body("boolean", is(false));
    }

    @Test
    void aPrivateDataset_neverAppears_viaGraphVariableDefaultGraphOrItsName_butItsOwnerSeesIt() {
        TestDatasets mine = new TestDatasets();
        String id = mine.register("dataset-full.json", "secret", "private");
        String word = mine.word();
        String byGraph = PREFIXES + "SELECT ?g ?t WHERE { GRAPH ?g { ?d dct:title ?t FILTER(CONTAINS(STR(?t), \"" + word
                + "\")) } }";
        String byDefault = PREFIXES + "SELECT ?d WHERE { ?d dct:title ?t FILTER(CONTAINS(STR(?t), \"" + word + "\")) }";
        String byIdentifier = PREFIXES + "SELECT ?g WHERE { GRAPH ?g { ?s dct:identifier \"" + id + "\" } }";
        String allGraphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }";

        for (String query : List.of(byGraph, byDefault, byIdentifier)) {
            given().queryParam("query", query)
                    .get("/api/v1/sparql")
                    .then()
                    .statusCode(200)
                    .body("results.bindings.size()", is(0));
        }
        List<String> names = given().queryParam("query", allGraphs)
                .get("/api/v1/sparql")
                .then()
                .statusCode(200)
                .extract()
                .path("results.bindings.g.value");
        assertThat(names).noneMatch(n -> n.endsWith("/api/v1/datasets/" + id)).noneMatch(n -> n.startsWith("urn:"));
        given().contentType("application/sparql-query")
                .body(("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(CONTAINS(STR(?o), \"" + word + "\")) }")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .accept("text/turtle")
                .post("/api/v1/sparql")
                .then()
                .statusCode(200)
                .contentType(containsString("text/turtle"))
                .body(org.hamcrest.Matchers.not(containsString(word)));

        given().spec(LocalTokens.asPublisherOf(mine.publisher()))
                .queryParam("query", byGraph)
                .get("/api/v1/sparql")
                .then()
                .statusCode(200)
                .body("results.bindings.size()", is(1));
    }

    @Test
    void formats_followAccept_forResultsAndGraphs() {
        TestDatasets mine = new TestDatasets();
        String id = mine.register("dataset-minimal.json", "alpha", null);
        String select = PREFIXES + "SELECT ?d WHERE { ?d dct:identifier \"" + id + "\" }";

        given().queryParam("query", select)
                .accept("text/csv")
                .get("/api/v1/sparql")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .body(containsString("/api/v1/datasets/" + id));
        given().queryParam("query", select)
                .accept("application/sparql-results+xml")
                .get("/api/v1/sparql")
                .then()
                .statusCode(200)
                .body(containsString("<sparql"));
        given().formParam("query", PREFIXES + "DESCRIBE ?d WHERE { ?d dct:identifier \"" + id + "\" }")
                .accept("application/ld+json")
                .post("/api/v1/sparql")
                .then()
                .statusCode(200)
                .contentType(containsString("application/ld+json"))
                .body(containsString(id));
        given().queryParam("query", select)
                .accept("text/turtle")
                .get("/api/v1/sparql")
                .then()
                .statusCode(406)
                .contentType("application/problem+json");
    }

    @Test
    void syntaxErrors_answer400WithLineAndColumn_andUpdatesAreRefused() {
        given().queryParam("query", "SELECT ?s WHERE {\n  ?s ?p \n}")
                .get("/api/v1/sparql")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("line 3, column"));
        given().queryParam("query", "DELETE WHERE { ?s ?p ?o }")
                .get("/api/v1/sparql")
                .then()
                .statusCode(400)
                .body("detail", containsString("line 1"));
    }

    @Test
    void tooManyResults_answer422Problem_unlessLimited() {
        new TestDatasets().register("dataset-full.json", "alpha", null);
        // a cross product of three patterns over one dataset's graph already passes the 10 000 results
        String crossProduct = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
        given().queryParam("query", crossProduct)
                .get("/api/v1/sparql")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", is("https://twin-catalog.org/problems/result-limit"));
        given().queryParam("query", crossProduct + " LIMIT 5")
                .get("/api/v1/sparql")
                .then()
                .statusCode(200)
                .body("results.bindings.size()", is(5));
    }
}
