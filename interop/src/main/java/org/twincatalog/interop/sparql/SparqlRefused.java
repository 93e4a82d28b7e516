package org.twincatalog.interop.sparql;

import org.twincatalog.catalog.CatalogException;

/**
 * A query the endpoint stopped: it ran too long, or its answer is larger than allowed. Each reason
 * has a problem type of its own ({@link SparqlProblems}), more precise than its kind.
 */
public class SparqlRefused extends CatalogException {
    /** Why the query was stopped; each has its own problem type and status. */
    public enum Reason {
        TIMEOUT(503, "query-timeout", "Query timed out"),
        RESULT_LIMIT(422, "result-limit", "Result limit exceeded"),
        DISABLED(503, "sparql-disabled", "SPARQL is disabled on this node"),
        BUSY(503, "sparql-busy", "Too many concurrent queries");

        final int status;
        final String slug;
        final String title;

        Reason(int status, String slug, String title) {
            this.status = status;
            this.slug = slug;
            this.title = title;
        }
    }

    private final Reason reason;

    public SparqlRefused(Reason reason, String message) {
        super(reason == Reason.RESULT_LIMIT ? Kind.VALIDATION_FAILED : Kind.SERVICE_UNAVAILABLE, message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
