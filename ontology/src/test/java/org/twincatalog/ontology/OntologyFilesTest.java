package org.twincatalog.ontology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OntologyFilesTest {
    private static final Resource ONTOLOGY =
            ModelFactory.createDefaultModel().createResource("https://twin-catalog.org/ns/tc");

    static List<String> bundledFiles() {
        return Ontology.OntologyFiles.list(OntologyFilesTest.class.getClassLoader(), Ontology.MANIFEST);
    }

    @ParameterizedTest
    @MethodSource("bundledFiles")
    void parse_everyBundledFile_isValidTurtleWithTriples(String file) {
        Model m = Ontology.OntologyFiles.read(getClass().getClassLoader(), file);
        assertThat(m.size()).as(file).isPositive();
    }

    @Test
    void manifest_listsEveryTurtleFileInTheResourceFolder() throws IOException, URISyntaxException {
        Path root = Path.of(getClass()
                        .getClassLoader()
                        .getResource(Ontology.MANIFEST)
                        .toURI())
                .getParent()
                .getParent();
        try (Stream<Path> files = Files.walk(root.resolve("ontology"))) {
            List<String> onDisk = files.filter(p -> p.toString().endsWith(".ttl"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .toList();
            assertThat(bundledFiles()).containsExactlyInAnyOrderElementsOf(onDisk);
        }
    }

    @Test
    void tcConstants_everyTermIsDeclaredInTheOwlFile() throws IllegalAccessException {
        Model owl = RDFDataMgr.loadModel("ontology/twin-catalog.ttl");
        int checked = 0;
        for (Field f : Tc.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || !Resource.class.isAssignableFrom(f.getType())) {
                continue;
            }
            Resource term = (Resource) f.get(null);
            assertThat(owl.contains(term, RDF.type)).as("%s has a type", term).isTrue();
            assertThat(owl.contains(term, RDFS.isDefinedBy, ONTOLOGY))
                    .as("%s rdfs:isDefinedBy the ontology", term)
                    .isTrue();
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(11);
    }

    @Test
    void owlFile_everyDeclaredTermHasEnglishKoreanAndJapaneseLabels() {
        Model owl = RDFDataMgr.loadModel("ontology/twin-catalog.ttl");
        List<Resource> terms =
                owl.listSubjectsWithProperty(RDFS.isDefinedBy, ONTOLOGY).toList();
        assertThat(terms).hasSizeGreaterThan(20);
        for (Resource term : terms) {
            for (String lang : List.of("en", "ko", "ja")) {
                boolean labelled =
                        term.getProperty(RDFS.label, lang) != null || term.getProperty(SKOS.prefLabel, lang) != null;
                assertThat(labelled).as("%s label @%s", term, lang).isTrue();
            }
        }
    }

    @Test
    void owlFile_declaresItselfAnOntology() {
        Model owl = RDFDataMgr.loadModel("ontology/twin-catalog.ttl");
        assertThat(owl.contains(ONTOLOGY, RDF.type, OWL2.Ontology)).isTrue();
    }
}
