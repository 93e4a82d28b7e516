package org.twincatalog.node.sparql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTPBuilder;
import org.apache.jena.vocabulary.DCAT;
import org.junit.jupiter.api.Test;
import org.twincatalog.node.ogc.TestDatasets;

/**
 * /api/v1/sparql driven by a real SPARQL 1.1 protocol client, Apache Jena's own
 * {@link QueryExecutionHTTP}: SELECT, ASK and CONSTRUCT, the {@code default-graph-uri} and
 * {@code named-graph-uri} parameters, FROM and FROM NAMED, and the distributions the graph holds
 * as the DCAT export does.
 */
@QuarkusTest
class SparqlProtocolClientTest {
    private static final String PREFIXES =
            "PREFIX dct: <http://purl.org/dc/terms/> PREFIX dcat: <http://www.w3.org/ns/dcat#> ";

    @TestHTTPResource("/api/v1/sparql")
    URL endpoint;

    private final java.util.Map<String, String> graphs = new java.util.HashMap<>();

    private QueryExecutionHTTPBuilder client(String query) {
        return QueryExecutionHTTP.service(endpoint.toString()).query(query);
    }

    private List<String> select(String query, String variable, Consumer<QueryExecutionHTTPBuilder> options) {
        QueryExecutionHTTPBuilder builder = client(query);
        options.accept(builder);
        List<String> values = new ArrayList<>();
        try (QueryExecutionHTTP exec = builder.build()) {
            exec.execSelect()
                    .forEachRemaining(
                            (QuerySolution row) -> values.add(row.get(variable).toString()));
        }
        return values;
    }

    /** The graph name of a visible dataset, as the node mints it (under its configured base URL). */
    private String graph(String id) {
        if (!graphs.containsKey(id)) {
            List<String> names = select(
                    PREFIXES + "SELECT ?g WHERE { GRAPH ?g { ?d a dcat:Dataset ; dct:identifier \"" + id + "\" } }",
                    "g",
                    q -> {});
            graphs.put(id, names.isEmpty() ? graphOfHidden(id) : names.get(0));
        }
        return graphs.get(id);
    }

    /** A hidden dataset's graph name: a visible one's with the other id. */
    private String graphOfHidden(String id) {
        String known = graphs.values().iterator().next();
        return known.substring(0, known.lastIndexOf('/') + 1) + id;
    }

    private static String identifiers(String word) {
        return PREFIXES + "SELECT ?id WHERE { ?d dct:identifier ?id ; dct:title ?t FILTER(CONTAINS(STR(?t), \"" + word
                + "\")) }";
    }

    private static String namedIdentifiers(String word) {
        return PREFIXES
                + "SELECT ?id WHERE { GRAPH ?g { ?d dct:identifier ?id ; dct:title ?t FILTER(CONTAINS(STR(?t), \""
                + word + "\")) } }";
    }

    @Test
    void aDatasetsGraph_holdsItsDistributions_asTheDcatExportDescribesThem() {
        TestDatasets mine = new TestDatasets();
        String id = mine.register("dataset-full.json", "dist", null);
        String query = PREFIXES + "SELECT ?dist WHERE { GRAPH <" + graph(id) + "> { <" + graph(id)
                + "> dcat:distribution ?dist . ?dist a dcat:Distribution ; dcat:accessURL ?u ; dcat:downloadURL ?dl } }";

        List<String> inGraph = select(query, "dist", b -> {});

        String turtle = given().accept("text/turtle")
                .get("/api/v1/datasets/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Model export = ModelFactory.createDefaultModel().read(new StringReader(turtle), null, "TTL");
        Set<String> exported = new TreeSet<>();
        export.listObjectsOfProperty(export.createResource(graph(id)), DCAT.distribution)
                .forEachRemaining(d -> exported.add(d.toString()));
        assertThat(exported).isNotEmpty();
        assertThat(new TreeSet<>(inGraph)).isEqualTo(exported);

        String construct = PREFIXES + "CONSTRUCT { ?dist ?p ?o } WHERE { GRAPH <" + graph(id) + "> { <" + graph(id)
                + "> dcat:distribution ?dist . ?dist ?p ?o } }";
        try (QueryExecutionHTTP exec = client(construct).build()) {
            Model graph = exec.execConstruct();
            Resource distribution = graph.createResource(exported.iterator().next());
            for (var property : List.of(DCAT.accessURL, DCAT.downloadURL, DCAT.mediaType, DCAT.byteSize)) {
                assertThat(graph.listObjectsOfProperty(distribution, property).toList())
                        .as(property.getLocalName())
                        .isEqualTo(export.listObjectsOfProperty(distribution, property)
                                .toList());
            }
        }
    }

    @Test
    void distributions_ofADatasetWhoseDataIsRestricted_areLeftOut_butItsMetadataIsThere() {
        TestDatasets mine = new TestDatasets();
        String id = mine.register("dataset-full.json", "meta", "public", "restricted");
        String ask = PREFIXES + "ASK { GRAPH ?g { ?d dct:identifier \"" + id + "\" } }";
        String distributions = PREFIXES + "ASK { { ?d dct:identifier \"" + id + "\" ; dcat:distribution ?x }"
                + " UNION { GRAPH ?g { ?d dct:identifier \"" + id + "\" ; dcat:distribution ?x } }"
                + " UNION { ?x a dcat:Distribution FILTER(CONTAINS(STR(?x), \"" + id + "\")) } }";

        try (QueryExecutionHTTP exec = client(ask).build()) {
            assertThat(exec.execAsk()).isTrue();
        }
        try (QueryExecutionHTTP exec = client(distributions).build()) {
            assertThat(exec.execAsk()).isFalse();
        }
        try (QueryExecutionHTTP exec = client(distributions)
                .httpHeader(
                        "Authorization",
                        "Bearer " + org.twincatalog.node.support.LocalTokens.publisherOf(mine.publisher()))
                .build()) {
            assertThat(exec.execAsk()).isTrue();
        }
    }

    @Test
    void defaultGraphUri_mergesOnlyTheNamedVisibleGraphs_intoTheDefaultGraph() {
        TestDatasets mine = new TestDatasets();
        String a = mine.register("dataset-minimal.json", "a", null);
        String b = mine.register("dataset-minimal.json", "b", null);
        String hidden = mine.register("dataset-minimal.json", "hidden", "private");

        assertThat(select(identifiers(mine.word()), "id", q -> q.addDefaultGraphURI(graph(a))))
                .containsExactly(a);
        assertThat(select(identifiers(mine.word()), "id", q -> q.addDefaultGraphURI(graph(a))
                        .addDefaultGraphURI(graph(b))))
                .containsExactlyInAnyOrder(a, b);
        assertThat(select(identifiers(mine.word()), "id", q -> {})).containsExactlyInAnyOrder(a, b);
        // a graph the caller may not see answers exactly like one that does not exist
        assertThat(select(identifiers(mine.word()), "id", q -> q.addDefaultGraphURI(graph(hidden))))
                .isEmpty();
        assertThat(select(identifiers(mine.word()), "id", q -> q.addDefaultGraphURI(graph(mine.publisher() + ".none"))))
                .isEmpty();
        // only the default graph was chosen: no named graphs
        assertThat(select(namedIdentifiers(mine.word()), "id", q -> q.addDefaultGraphURI(graph(a))))
                .isEmpty();
    }

    @Test
    void namedGraphUri_choosesTheGraphsGraphReaches_andNeverAHiddenOne() {
        TestDatasets mine = new TestDatasets();
        String a = mine.register("dataset-minimal.json", "a", null);
        String b = mine.register("dataset-minimal.json", "b", null);
        String hidden = mine.register("dataset-minimal.json", "hidden", "private");

        assertThat(select(namedIdentifiers(mine.word()), "id", q -> q.addNamedGraphURI(graph(b))
                        .addNamedGraphURI(graph(hidden))))
                .containsExactly(b);
        assertThat(select(identifiers(mine.word()), "id", q -> q.addNamedGraphURI(graph(b))))
                .as("only named graphs were chosen: the default graph is empty")
                .isEmpty();
        given().spec(org.twincatalog.node.support.LocalTokens.asPublisherOf(mine.publisher()))
                .queryParam("query", namedIdentifiers(mine.word()))
                .queryParam("named-graph-uri", graph(hidden))
                .get("/api/v1/sparql")
                .then()
                .statusCode(200)
                .body("results.bindings.id.value", org.hamcrest.Matchers.contains(hidden));
    }

    @Test
    void graphUriFormFields_andFromClauses_chooseGraphsLikeTheParameters() {
        TestDatasets mine = new TestDatasets();
        String a = mine.register("dataset-minimal.json", "a", null);
        String b = mine.register("dataset-minimal.json", "b", null);
        String hidden = mine.register("dataset-minimal.json", "hidden", "private");

        given().formParam("query", identifiers(mine.word()))
                .formParam("default-graph-uri", graph(a))
                .formParam("default-graph-uri", graph(hidden))
                .post("/api/v1/sparql")
                .then()
                .statusCode(200)
                .body("results.bindings.id.value", org.hamcrest.Matchers.contains(a));
        String from = identifiers(mine.word())
                .replace("SELECT ?id WHERE", "SELECT ?id FROM <" + graph(b) + "> FROM <" + graph(hidden) + "> WHERE");
        assertThat(select(from, "id", q -> {})).containsExactly(b);
        String fromNamed = namedIdentifiers(mine.word())
                .replace("SELECT ?id WHERE", "SELECT ?id FROM NAMED <" + graph(a) + "> WHERE");
        assertThat(select(fromNamed, "id", q -> {})).containsExactly(a);
        // the protocol's parameters win over the query's FROM
        assertThat(select(from, "id", q -> q.addDefaultGraphURI(graph(a)))).containsExactly(a);
    }

    @Test
    void askAndConstruct_throughTheClient_andPlainJsonIsAnsweredForBothKinds() {
        TestDatasets mine = new TestDatasets();
        String id = mine.register("dataset-minimal.json", "json", null);
        String construct = PREFIXES
                + "CONSTRUCT { ?d dct:identifier ?id } WHERE { ?d dct:identifier ?id FILTER(?id = \"" + id + "\") }";

        try (QueryExecutionHTTP exec =
                client(PREFIXES + "ASK { ?d dct:identifier \"" + id + "\" }").build()) {
            assertThat(exec.execAsk()).isTrue();
        }
        try (QueryExecutionHTTP exec = client(construct).build()) {
            assertThat(exec.execConstruct().contains(null, org.apache.jena.vocabulary.DCTerms.identifier, id))
                    .isTrue();
        }
        given().queryParam("query", construct)
                .accept("application/json")
                .get("/api/v1/sparql")
                .then()
                .statusCode(200)
                .contentType(containsString("application/ld+json"))
                .body(containsString(id));
        given().queryParam("query", PREFIXES + "ASK { ?d dct:identifier \"" + id + "\" }")
                .accept("application/json")
                .get("/api/v1/sparql")
                .then()
                .statusCode(200)
                .contentType(containsString("application/sparql-results+json"))
                .body("boolean", is(true));
    }
}
