package org.twincatalog.interop.ckan;

import java.util.List;

/**
 * A parsed CKAN {@code q} or {@code fq}: the tree Solr's standard (Lucene) query parser builds
 * from it. Evaluated by {@link CkanDocument} against one package; it can only narrow the set of
 * packages the caller may see, never widen it.
 */
sealed interface CkanQuery {

    /** How a clause takes part in a boolean query, as Lucene's {@code BooleanClause.Occur}. */
    enum Occur {
        MUST,
        SHOULD,
        MUST_NOT
    }

    /** One clause of a {@link Bool}. */
    record Clause(Occur occur, CkanQuery query) {}

    /**
     * Lucene's boolean query: every MUST clause holds and no MUST_NOT clause; when there is no
     * MUST clause, at least one SHOULD clause holds. Only MUST_NOT clauses read as "everything
     * but", as Solr reads a purely negative query.
     */
    record Bool(List<Clause> clauses) implements CkanQuery {
        public Bool {
            clauses = List.copyOf(clauses);
        }
    }

    /**
     * A term or phrase on a field.
     *
     * @param field the field, {@code text} for the default field
     * @param value the unescaped value ({@code *} and {@code ?} are wildcards when {@code wildcard})
     * @param phrase the value was quoted
     * @param wildcard the value holds unescaped {@code *} or {@code ?}
     */
    record Term(String field, String value, boolean phrase, boolean wildcard) implements CkanQuery {}

    /** A range on a field; a null bound is open ({@code *}). */
    record Range(String field, String lower, String upper, boolean includeLower, boolean includeUpper)
            implements CkanQuery {}

    /** {@code *:*}. */
    record All() implements CkanQuery {}
}
