package org.twincatalog.node.dcat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.twincatalog.catalog.organization.OrganizationService;
import org.twincatalog.node.demo.DemoSeeder;
import org.twincatalog.node.support.DcatApShapes;
import org.twincatalog.node.support.Fixtures;
import org.twincatalog.node.support.LocalTokens;

/**
 * The DCAT export of every demo and test record conforms to the official DCAT-AP 3.0.0 SHACL
 * shapes (the repository's {@code testdata/standards}) with zero violations.
 */
@QuarkusTest
class DcatApConformanceTest {
    @Inject
    DemoSeeder seeder;

    @Inject
    OrganizationService organizations;

    @BeforeEach
    void demoAndTestRecords() {
        if (!organizations.exists("seoul")) {
            seeder.seed();
        }
        String publisher = Fixtures.newOrganization();
        // writes need a publisher of the owning organization (the access policy)
        RestAssured.requestSpecification = LocalTokens.asPublisherOf(publisher);
        for (String fixture : List.of("dataset-minimal.json", "dataset-full.json")) {
            Fixtures.newDataset(fixture, publisher);
        }
    }

    @Test
    void catalogExport_conformsToDcatAp3_withZeroViolations() {
        String turtle = given().accept("text/turtle")
                .get("/api/v1/catalog")
                .then()
                .statusCode(200)
                .contentType("text/turtle")
                .extract()
                .asString();
        Model model = parse(turtle, Lang.TURTLE);

        assertThat(model.listSubjectsWithProperty(
                                org.apache.jena.vocabulary.RDF.type, org.apache.jena.vocabulary.DCAT.Dataset)
                        .toList())
                .hasSizeGreaterThanOrEqualTo(8);
        assertNoViolations(model.getGraph());
    }

    @Test
    void everyDatasetExport_conformsOnItsOwn() {
        List<String> ids = given().queryParam("limit", 500)
                .get("/api/v1/datasets")
                .then()
                .extract()
                .path("items.id");
        assertThat(ids).isNotEmpty();
        for (String id : ids) {
            String turtle = given().accept("text/turtle")
                    .get("/api/v1/datasets/" + id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertNoViolations(parse(turtle, Lang.TURTLE).getGraph());
        }
    }

    @Test
    void jsonLdAndRdfXml_carryTheSameGraphAsTurtle() {
        String turtle = given().accept("text/turtle")
                .get("/api/v1/datasets/seoul-gangnam.bldg-lod2-2025")
                .then()
                .extract()
                .asString();
        String jsonLd = given().accept("application/ld+json")
                .get("/api/v1/datasets/seoul-gangnam.bldg-lod2-2025")
                .then()
                .statusCode(200)
                .contentType("application/ld+json")
                .extract()
                .asString();
        String rdfXml = given().accept("application/rdf+xml")
                .get("/api/v1/datasets/seoul-gangnam.bldg-lod2-2025")
                .then()
                .statusCode(200)
                .contentType("application/rdf+xml")
                .extract()
                .asString();

        Model expected = parse(turtle, Lang.TURTLE);
        assertThat(parse(jsonLd, Lang.JSONLD).isIsomorphicWith(expected)).isTrue();
        assertThat(parse(rdfXml, Lang.RDFXML).isIsomorphicWith(expected)).isTrue();
    }

    @Test
    void jsonStaysTheDefault() {
        given().get("/api/v1/datasets/seoul-gangnam.bldg-lod2-2025")
                .then()
                .statusCode(200)
                .contentType("application/json");
        given().accept("*/*").get("/api/v1/catalog").then().statusCode(200).contentType("application/json");
    }

    private static void assertNoViolations(Graph data) {
        DcatApShapes.assertConforms(data);
    }

    private static Model parse(String text, Lang lang) {
        Model model = ModelFactory.createDefaultModel();
        RDFParser.create().source(new StringReader(text)).lang(lang).parse(model);
        return model;
    }

    @AfterEach
    void anonymousAgain() {
        RestAssured.requestSpecification = null;
    }
}
