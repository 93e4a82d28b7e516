package org.twincatalog.catalog.dcat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.SKOS;
import org.twincatalog.ontology.Concept;
import org.twincatalog.ontology.Ontology;

/**
 * skos:prefLabels of the concepts an export links to: the twin-catalog schemes from the
 * ontology module, and the EU data themes. Exported concepts carry them, as DCAT-AP requires.
 */
final class ConceptLabels {
    private static final Map<String, Map<String, String>> EXTRA = load("dcat/eu-data-themes.ttl");

    private ConceptLabels() {}

    /** The labels by language of a concept, or an empty map when the concept is unknown. */
    static Map<String, String> of(String uri) {
        return Ontology.bundled()
                .concept(uri)
                .map(Concept::prefLabels)
                .orElseGet(() -> EXTRA.getOrDefault(uri, Map.of()));
    }

    private static Map<String, Map<String, String>> load(String resource) {
        Model model = ModelFactory.createDefaultModel();
        try (InputStream in = ConceptLabels.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            RDFDataMgr.read(model, in, Lang.TURTLE);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
        Map<String, Map<String, String>> labels = new HashMap<>();
        for (Statement s :
                model.listStatements(null, SKOS.prefLabel, (String) null).toList()) {
            labels.computeIfAbsent(s.getSubject().getURI(), k -> new HashMap<>())
                    .put(s.getLanguage(), s.getString());
        }
        return Map.copyOf(labels);
    }
}
