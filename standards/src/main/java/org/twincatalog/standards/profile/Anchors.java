package org.twincatalog.standards.profile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;

/** Finds, for a blank focus node, the nearest IRI node it hangs from and the properties in between. */
final class Anchors {
    private static final int MAX_HOPS = 4;
    private final Model data;

    Anchors(Model data) {
        this.data = data;
    }

    Finding finding(Severity severity, RDFNode focus, String path, String value, String message) {
        List<String> via = new ArrayList<>();
        Resource anchor = anchor(focus, via);
        return new Finding(
                severity, label(focus), path, value, message, anchor == null ? label(focus) : label(anchor), via);
    }

    static String label(RDFNode node) {
        if (node == null) {
            return null;
        }
        if (node.isURIResource()) {
            return node.asResource().getURI();
        }
        if (node.isAnon()) {
            return "_:" + node.asResource().getId().getLabelString();
        }
        return node.asLiteral().getLexicalForm();
    }

    /** Walks incoming edges breadth-first up to {@link #MAX_HOPS}; fills {@code via} root-first. */
    private Resource anchor(RDFNode focus, List<String> via) {
        if (!focus.isAnon()) {
            return focus.isResource() ? focus.asResource() : null;
        }
        Deque<List<Statement>> queue = new ArrayDeque<>();
        Set<RDFNode> seen = new HashSet<>();
        queue.add(List.of());
        seen.add(focus);
        while (!queue.isEmpty()) {
            List<Statement> chain = queue.poll();
            RDFNode node = chain.isEmpty() ? focus : chain.get(chain.size() - 1).getSubject();
            if (chain.size() >= MAX_HOPS) {
                continue;
            }
            for (Statement in : data.listStatements(null, null, node).toList()) {
                List<Statement> next = new ArrayList<>(chain);
                next.add(in);
                if (in.getSubject().isURIResource()) {
                    next.forEach(st -> via.add(st.getPredicate().getURI()));
                    Collections.reverse(via);
                    return in.getSubject();
                }
                if (seen.add(in.getSubject())) {
                    queue.add(next);
                }
            }
        }
        return null;
    }
}
