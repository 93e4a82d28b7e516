package org.twincatalog.node.standards;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import java.net.URI;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.twincatalog.node.support.Fixtures;

/** The ontology and its concept URIs resolve on a node, by content negotiation. */
@QuarkusTest
class OntologyApiTest {
    private static final String ID = "https://twin-catalog.org/id/";

    @Test
    void ontology_isTurtleByDefault_andDeclaresItself() {
        String turtle = given().accept("*/*")
                .get("/ns/tc")
                .then()
                .statusCode(200)
                .contentType(containsString("text/turtle"))
                .extract()
                .asString();
        Model m = parse(turtle, Lang.TURTLE);
        assertThat(m.contains(m.createResource("https://twin-catalog.org/ns/tc"), RDF.type, OWL.Ontology))
                .isTrue();
    }

    @Test
    void concept_inJsonLdAndRdfXml_isTheSameGraphAsTurtle_withKoEnJaLabels() {
        String path = "/id/maturity-stage/mirroring";
        Model turtle = parse(fetch(path, "text/turtle"), Lang.TURTLE);
        assertThat(parse(fetch(path, "application/ld+json"), Lang.JSONLD).isIsomorphicWith(turtle))
                .isTrue();
        assertThat(parse(fetch(path, "application/rdf+xml"), Lang.RDFXML).isIsomorphicWith(turtle))
                .isTrue();
        var concept = turtle.createResource(ID + "maturity-stage/mirroring");
        assertThat(turtle.contains(concept, SKOS.prefLabel, turtle.createLiteral("모사", "ko")))
                .isTrue();
        assertThat(concept.listProperties(SKOS.prefLabel)
                        .mapWith(s -> s.getLanguage())
                        .toSet())
                .contains("ko", "en", "ja");
    }

    @Test
    void scheme_listsItsConcepts() {
        Model m = parse(fetch("/id/feature-type", "text/turtle"), Lang.TURTLE);
        assertThat(m.contains(m.createResource(ID + "feature-type"), RDF.type, SKOS.ConceptScheme))
                .isTrue();
        assertThat(m.listSubjectsWithProperty(SKOS.inScheme, m.createResource(ID + "feature-type"))
                        .mapWith(r -> r.getURI())
                        .toList())
                .contains(ID + "feature-type/bldg", ID + "feature-type/dem", ID + "feature-type/tran");
    }

    @Test
    void everyConceptTheDcatExportLinksTo_resolves() {
        String publisher = Fixtures.newOrganization();
        String id = Fixtures.newDataset("dataset-full.json", publisher);
        Model export = parse(fetch("/api/v1/datasets/" + id, "text/turtle"), Lang.TURTLE);
        Set<String> concepts = new TreeSet<>();
        export.listObjects().forEachRemaining((RDFNode n) -> {
            if (n.isURIResource()
                    && n.asResource().getURI().startsWith(ID)
                    && !n.asResource().getURI().startsWith(ID + "admin-area/")) {
                concepts.add(n.asResource().getURI());
            }
        });
        assertThat(concepts).hasSizeGreaterThanOrEqualTo(4);
        for (String uri : concepts) {
            Model described = parse(fetch(URI.create(uri).getPath(), "text/turtle"), Lang.TURTLE);
            assertThat(described.containsResource(described.createResource(uri)))
                    .as(uri)
                    .isTrue();
        }
    }

    @Test
    void unknownSchemeOrConcept_answers404Problem() {
        given().accept("text/turtle")
                .get("/id/no-such-scheme")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", is("No concept scheme 'no-such-scheme'"));
        given().get("/id/maturity-stage/omniscience")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", is("https://twin-catalog.org/problems/not-found"));
    }

    @Test
    void nonRdfAccept_answers406Problem() {
        given().accept("application/pdf").get("/ns/tc").then().statusCode(406).contentType("application/problem+json");
    }

    private static String fetch(String path, String mediaType) {
        return given().accept(mediaType)
                .get(path)
                .then()
                .statusCode(200)
                .contentType(containsString(mediaType))
                .extract()
                .asString();
    }

    private static Model parse(String text, Lang lang) {
        Model model = ModelFactory.createDefaultModel();
        RDFParser.create().source(new StringReader(text)).lang(lang).parse(model);
        return model;
    }
}
