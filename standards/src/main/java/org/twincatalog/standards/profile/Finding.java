package org.twincatalog.standards.profile;

import java.util.List;

/**
 * One result of the profile.
 *
 * @param severity how much it matters
 * @param focusNode the node the problem is on: an IRI, or {@code _:<label>} for a blank node
 * @param path the property URI of the result path when it is a single property (e.g. {@code
 *     http://purl.org/dc/terms/title}), or the SPARQL form of a complex path; null for node-level results
 * @param value the offending value (IRI or lexical form), or null when a value is missing
 * @param message a human-readable English message
 * @param anchor the nearest IRI node from which {@code focusNode} is reached (itself when it is an
 *     IRI), so a caller can map blank-node findings back to its document
 * @param via property URIs leading from {@code anchor} to {@code focusNode}; empty when they are the same
 */
public record Finding(
        Severity severity,
        String focusNode,
        String path,
        String value,
        String message,
        String anchor,
        List<String> via) {

    public Finding {
        via = List.copyOf(via);
    }

    /** {@link #via} followed by {@link #path}: the property chain from the anchor to the problem. */
    public List<String> propertyChain() {
        if (path == null) {
            return via;
        }
        java.util.ArrayList<String> chain = new java.util.ArrayList<>(via);
        chain.add(path);
        return List.copyOf(chain);
    }
}
