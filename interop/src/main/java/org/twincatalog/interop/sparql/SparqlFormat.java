package org.twincatalog.interop.sparql;

import java.util.List;
import java.util.Locale;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.twincatalog.catalog.MalformedRequest;

/** The formats of answers: SPARQL results for SELECT and ASK, RDF for CONSTRUCT and DESCRIBE. */
public enum SparqlFormat {
    RESULTS_JSON("application/sparql-results+json", ResultSetLang.RS_JSON, null),
    RESULTS_XML("application/sparql-results+xml", ResultSetLang.RS_XML, null),
    RESULTS_CSV("text/csv", ResultSetLang.RS_CSV, null),
    RESULTS_TSV("text/tab-separated-values", ResultSetLang.RS_TSV, null),
    TURTLE("text/turtle", null, Lang.TURTLE),
    JSON_LD("application/ld+json", null, Lang.JSONLD),
    N_TRIPLES("application/n-triples", null, Lang.NTRIPLES),
    RDF_XML("application/rdf+xml", null, Lang.RDFXML);

    private final String mediaType;
    private final Lang resultsLang;
    private final Lang rdfLang;

    SparqlFormat(String mediaType, Lang resultsLang, Lang rdfLang) {
        this.mediaType = mediaType;
        this.resultsLang = resultsLang;
        this.rdfLang = rdfLang;
    }

    public String mediaType() {
        return mediaType;
    }

    Lang resultsLang() {
        return resultsLang;
    }

    Lang rdfLang() {
        return rdfLang;
    }

    /**
     * The first acceptable format of the right kind, in the order of {@code accept} (quality
     * values are not weighed); the kind's default (JSON results, Turtle) for none or a wildcard;
     * plain {@code application/json} is JSON results or JSON-LD, by kind.
     *
     * @throws MalformedRequest when nothing acceptable fits the query's kind
     */
    static SparqlFormat negotiate(String accept, boolean results) {
        SparqlFormat fallback = results ? RESULTS_JSON : TURTLE;
        if (accept == null || accept.isBlank()) {
            return fallback;
        }
        for (String part : accept.split(",")) {
            String type = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (type.equals("*/*") || type.equals("application/*") || type.equals("text/*")) {
                return fallback;
            }
            if (type.equals("application/json")) {
                return results ? RESULTS_JSON : JSON_LD;
            }
            for (SparqlFormat f : values()) {
                if (f.mediaType.equals(type) && (f.resultsLang != null) == results) {
                    return f;
                }
            }
        }
        throw new NotAcceptable("None of " + accept + " fits a " + (results ? "SELECT or ASK" : "CONSTRUCT or DESCRIBE")
                + " query; use one of "
                + List.of(values()).stream()
                        .filter(f -> (f.resultsLang != null) == results)
                        .map(SparqlFormat::mediaType)
                        .toList());
    }

    /** Nothing acceptable fits (406). */
    static final class NotAcceptable extends MalformedRequest {
        NotAcceptable(String message) {
            super(message);
        }
    }
}
