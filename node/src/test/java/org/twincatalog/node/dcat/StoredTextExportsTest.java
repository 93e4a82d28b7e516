package org.twincatalog.node.dcat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.catalog.RecordType;
import org.twincatalog.catalog.record.RecordMapper;
import org.twincatalog.catalog.record.RecordStore;
import org.twincatalog.node.support.Fixtures;
import org.twincatalog.node.support.LocalTokens;

/**
 * Text stored before it was checked on the way in (NUL, C0 controls, unpaired surrogates; fixture
 * {@code hostile/text/stored-dataset.json}) breaks no output: every export answers, and the RDF/XML
 * one parses.
 */
@QuarkusTest
class StoredTextExportsTest {
    @Inject
    RecordStore store;

    private String publisher;
    private String id;

    @BeforeEach
    void aDatasetWhoseStoredTextPredatesTheChecks() throws Exception {
        publisher = Fixtures.newOrganization();
        id = Fixtures.newDataset("dataset-minimal.json", publisher);
        byte[] fixture;
        try (var in = getClass().getClassLoader().getResourceAsStream("fixtures/hostile/text/stored-dataset.json")) {
            fixture = in.readAllBytes();
        }
        Dataset stored = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .readValue(
                        new String(fixture, StandardCharsets.UTF_8).replace("to-be-replaced", publisher),
                        Dataset.class);
        assertThat(stored.getTitle().get("en")).contains("\u0000");
        String document = RecordMapper.toDocument(stored);
        QuarkusTransaction.requiringNew().run(() -> store.update(RecordType.DATASET, id, null, publisher, document));
        RestAssured.requestSpecification = LocalTokens.asPublisherOf(publisher);
    }

    @AfterEach
    void anonymousAgain() {
        RestAssured.requestSpecification = null;
    }

    @Test
    void everyRdfSerialization_answers_andRdfXmlParses() {
        for (String type : List.of("text/turtle", "application/ld+json", "application/rdf+xml")) {
            String body = given().accept(type)
                    .get("/api/v1/catalog")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertThat(body).as(type).contains("Stored before the checks").doesNotContain("\u202e");
            if (type.equals("application/rdf+xml")) {
                Model model = ModelFactory.createDefaultModel();
                model.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), null, "RDF/XML");
                assertThat(model.size()).isPositive();
            }
        }
    }

    @Test
    void jsonCkanOgcRecordsAndTheChangeFeed_answer_withoutTheControls() {
        String title = given().get("/api/v1/datasets/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("title.en");
        assertThat(title).startsWith("Stored before the checks").doesNotContain("\u0000", "\u0007");
        assertThat(title.chars().noneMatch(c -> Character.isSurrogate((char) c)))
                .isTrue();
        // the right-to-left override of the stored title is dropped from every output; "eman" stays
        assertThat(title).contains("eman").doesNotContain("\u202e");
        List<String> bodies = List.of(
                given().queryParam("id", id)
                        .get("/api/3/action/package_show")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString(),
                given().get("/api/v1/ogc-records/collections/datasets/items/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString(),
                given().queryParam("after", 0)
                        .get("/api/v1/changes")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString(),
                given().queryParam("q", "Stored")
                        .get("/api/v1/search")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        for (String body : bodies) {
            assertThat(body).doesNotContain("\u202e", "\\u202e", "\\u202E");
        }
        assertThat(bodies.get(0)).contains("eman");
        assertThat(bodies.get(3)).contains("Stored");
    }

    @Test
    void sparqlResults_answerInEveryFormat() {
        String query = "PREFIX dct: <http://purl.org/dc/terms/> SELECT ?t WHERE { ?d dct:identifier \"" + id
                + "\" ; dct:title ?t }";
        for (String type : List.of("application/sparql-results+json", "application/sparql-results+xml", "text/csv")) {
            String body = given().accept(type)
                    .queryParam("query", query)
                    .get("/api/v1/sparql")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertThat(body).as(type).contains("Stored before the checks").doesNotContain("\u202e");
        }
    }
}
