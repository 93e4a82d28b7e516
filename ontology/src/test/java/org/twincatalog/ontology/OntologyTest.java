package org.twincatalog.ontology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;

class OntologyTest {
    private final Ontology ontology = Ontology.bundled();

    @Test
    void schemes_areTheSevenBundledSchemes() {
        assertThat(ontology.schemes())
                .extracting(ConceptScheme::id)
                .containsExactlyInAnyOrder(
                        Tc.SCHEME_MATURITY_STAGE,
                        Tc.SCHEME_TWIN_DOMAIN,
                        Tc.SCHEME_FEATURE_TYPE,
                        Tc.SCHEME_LOD,
                        Tc.SCHEME_SMART_CITY_SERVICE,
                        Tc.SCHEME_SOURCE_SYSTEM_TYPE,
                        Tc.SCHEME_ORGANIZATION_KIND);
    }

    @Test
    void everyConcept_hasKoreanEnglishAndJapanesePrefLabels() {
        for (ConceptScheme scheme : ontology.schemes()) {
            assertThat(scheme.prefLabels()).as(scheme.id()).containsKeys("ko", "en", "ja");
            assertThat(scheme.concepts()).as(scheme.id()).isNotEmpty();
            for (Concept c : scheme.concepts()) {
                assertThat(c.prefLabels()).as(c.uri()).containsKeys("ko", "en", "ja");
                assertThat(c.prefLabels().values()).as(c.uri()).allSatisfy(l -> assertThat(l)
                        .isNotBlank());
            }
        }
    }

    @Test
    void everyConcept_isInExactlyOneSchemeAndUsesTheSchemeUriPattern() {
        Model m = ontology.model();
        List<Resource> concepts =
                m.listSubjectsWithProperty(RDF.type, SKOS.Concept).toList();
        assertThat(concepts).hasSizeGreaterThan(50);
        for (Resource c : concepts) {
            List<Resource> schemes = m.listObjectsOfProperty(c, SKOS.inScheme)
                    .mapWith(n -> n.asResource())
                    .toList();
            assertThat(schemes).as(c.getURI()).hasSize(1);
            assertThat(c.getURI()).startsWith(schemes.get(0).getURI() + "/");
        }
    }

    @Test
    void maturityStages_areTheFiveStagesInOrderWithKoreanTerms() {
        ConceptScheme stages = ontology.scheme(Tc.SCHEME_MATURITY_STAGE).orElseThrow();
        Map<String, String> korean =
                stages.concepts().stream().collect(Collectors.toMap(Concept::code, c -> c.label("ko")));
        assertThat(stages.concepts())
                .extracting(Concept::code)
                .containsExactly("mirroring", "monitoring", "simulation", "federation", "autonomy");
        assertThat(korean)
                .containsEntry("mirroring", "모사")
                .containsEntry("monitoring", "관제")
                .containsEntry("simulation", "모의")
                .containsEntry("federation", "연합")
                .containsEntry("autonomy", "자율");
    }

    @Test
    void concept_bySchemeAndCode_equalsConceptByUri() {
        Concept byCode = ontology.concept(Tc.SCHEME_FEATURE_TYPE, "bldg").orElseThrow();
        assertThat(ontology.concept(Tc.concept("feature-type", "bldg"))).contains(byCode);
        assertThat(byCode.label("ja")).isEqualTo("建築物");
        assertThat(byCode.label("fr")).isEqualTo("Building");
    }

    @Test
    void concept_unknownCode_isEmpty() {
        assertThat(ontology.concept(Tc.SCHEME_LOD, "5")).isEmpty();
        assertThat(ontology.concept("https://example.org/nothing")).isEmpty();
    }

    @Test
    void isConceptOf_conceptOfAnotherScheme_isFalse() {
        String transport = Tc.concept(Tc.SCHEME_TWIN_DOMAIN, "transport");
        assertThat(ontology.isConceptOf(transport, Tc.SCHEME_TWIN_DOMAIN)).isTrue();
        assertThat(ontology.isConceptOf(transport, Tc.SCHEME_SMART_CITY_SERVICE))
                .isFalse();
    }

    @Test
    void lodScheme_hasLevelsZeroToFour() {
        assertThat(ontology.scheme(Tc.SCHEME_LOD).orElseThrow().concepts())
                .extracting(Concept::code)
                .containsExactly("0", "1", "2", "3", "4");
    }

    @Test
    void serialize_schemeAsTurtle_roundTripsWithEveryConcept() {
        String turtle = ontology.serialize(Tc.scheme(Tc.SCHEME_SOURCE_SYSTEM_TYPE), "text/turtle")
                .orElseThrow();
        Model back = ModelFactory.createDefaultModel().read(new StringReader(turtle), null, "TTL");
        ConceptScheme scheme = ontology.scheme(Tc.SCHEME_SOURCE_SYSTEM_TYPE).orElseThrow();
        assertThat(back.listSubjectsWithProperty(SKOS.inScheme).toList())
                .extracting(Resource::getURI)
                .containsExactlyInAnyOrderElementsOf(
                        scheme.concepts().stream().map(Concept::uri).toList());
    }

    @Test
    void serialize_conceptAsJsonLd_containsItsLabels() {
        String json = ontology.serialize(Tc.concept("maturity-stage", "federation"), "application/ld+json")
                .orElseThrow();
        assertThat(json).contains("연합", "Federation", "連合");
    }

    @Test
    void describe_vocabularyTerm_returnsItsDefinition() {
        Model m = ontology.describe(Tc.levelOfDetail.getURI()).orElseThrow();
        assertThat(m.contains(Tc.levelOfDetail, RDF.type)).isTrue();
    }

    @Test
    void serialize_unknownUri_isEmpty_andNonRdfMediaType_isRejected() {
        assertThat(ontology.serialize("https://twin-catalog.org/id/lod/9", "text/turtle"))
                .isEmpty();
        assertThatThrownBy(() -> ontology.serialize(Tc.scheme("lod"), "text/html"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bundled_returnsTheSameLoadedInstance() {
        assertThat(Ontology.bundled()).isSameAs(ontology);
        assertThat(ontology.schemes().stream().map(ConceptScheme::id).collect(Collectors.toSet()))
                .hasSize(ontology.schemes().size());
        assertThat(ontology.files()).first().isEqualTo("ontology/twin-catalog.ttl");
    }
}
