package org.twincatalog.ontology;

import java.util.Map;
import java.util.Optional;

/**
 * A SKOS concept of one of the bundled concept schemes.
 *
 * @param uri the concept URI, {@code https://twin-catalog.org/id/<scheme>/<code>}
 * @param scheme the scheme identifier, e.g. {@code maturity-stage}
 * @param code the last URI segment, e.g. {@code mirroring} or {@code 2}
 * @param prefLabels skos:prefLabel by language tag (ko, en, ja at least); never null
 * @param definition the English skos:definition, or null when the scheme gives none
 */
public record Concept(String uri, String scheme, String code, Map<String, String> prefLabels, String definition) {

    public Concept {
        prefLabels = Map.copyOf(prefLabels);
    }

    /** The label in {@code lang}, falling back to English, then to the code. */
    public String label(String lang) {
        return Optional.ofNullable(prefLabels.get(lang))
                .or(() -> Optional.ofNullable(prefLabels.get("en")))
                .orElse(code);
    }
}
