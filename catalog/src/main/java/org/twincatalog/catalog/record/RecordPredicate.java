package org.twincatalog.catalog.record;

import jakarta.persistence.Query;

/**
 * An extra condition on the records a query includes, written in JPQL over an alias of {@link
 * RecordEntity}. The access package supplies the caller's visibility, so that pages, totals and
 * counts are filtered inside the query.
 */
public interface RecordPredicate {

    /** Every record. */
    RecordPredicate ALL = new RecordPredicate() {
        @Override
        public String jpql(String alias) {
            return "1 = 1";
        }

        @Override
        public void bind(Query query) {}
    };

    /** A boolean JPQL expression over {@code alias}; its parameters are named {@code p_*}. */
    String jpql(String alias);

    /** Binds the parameters {@link #jpql} used. */
    void bind(Query query);
}
