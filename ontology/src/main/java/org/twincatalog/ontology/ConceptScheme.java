package org.twincatalog.ontology;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A SKOS concept scheme with its concepts, in the order of their codes.
 *
 * @param id the scheme identifier, e.g. {@code twin-domain}
 * @param uri {@code https://twin-catalog.org/id/<id>}
 * @param prefLabels the scheme's labels by language tag
 * @param concepts the concepts whose skos:inScheme is this scheme
 */
public record ConceptScheme(String id, String uri, Map<String, String> prefLabels, List<Concept> concepts) {

    public ConceptScheme {
        prefLabels = Map.copyOf(prefLabels);
        concepts = List.copyOf(concepts);
    }

    /** The concept with {@code code}, if the scheme has it. */
    public Optional<Concept> concept(String code) {
        return concepts.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** The label in {@code lang}, falling back to English, then to the id. */
    public String label(String lang) {
        return Optional.ofNullable(prefLabels.get(lang))
                .or(() -> Optional.ofNullable(prefLabels.get("en")))
                .orElse(id);
    }
}
