package org.twincatalog.catalog.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a caller searches for. Every part is optional: an empty query lists everything the caller
 * may see.
 *
 * @param text keywords in any language (Korean, Japanese, English, ...); null or blank for none
 * @param filters facet values to keep; values of one facet are OR-ed, facets are AND-ed
 * @param bbox a WGS84 box {@code [minLon, minLat, maxLon, maxLat]}, or null
 * @param bboxRelation how a dataset's extent must relate to {@code bbox}
 * @param from with {@code to}: the temporal coverage must overlap [from, to]; either may be null
 * @param to see {@code from}
 * @param sort the order of hits
 * @param cursor the {@code next} of the previous page, or null for the first page
 * @param limit the most hits a page holds
 * @param ids only datasets with these ids (an empty set matches nothing); null for no restriction
 * @param exclusions facet values to leave out: a dataset with any of them is not matched (nor
 *     counted in the facets)
 * @param textMatch how {@code text} matches: all its words, or any of its comma-separated terms
 */
public record SearchQuery(
        String text,
        Map<Facet, Set<String>> filters,
        List<Double> bbox,
        BboxRelation bboxRelation,
        LocalDate from,
        LocalDate to,
        Sort sort,
        String cursor,
        int limit,
        Set<String> ids,
        Map<Facet, Set<String>> exclusions,
        TextMatch textMatch) {

    /** How the text matches a dataset. */
    public enum TextMatch {
        /** Every word of the text, in one field. */
        ALL_WORDS,
        /**
         * Any of the text's comma-separated terms, each as {@link #ALL_WORDS} (OGC API - Records'
         * {@code q=a,b}: a or b).
         */
        ANY_TERM
    }

    /** How a dataset's extent relates to the query box. */
    public enum BboxRelation {
        INTERSECTS,
        WITHIN
    }

    /** The order of hits. Ties are broken by dataset id, so paging is stable. */
    public enum Sort {
        RELEVANCE,
        MODIFIED,
        TITLE
    }

    public SearchQuery {
        filters = filters == null ? Map.of() : Map.copyOf(filters);
        bbox = bbox == null ? null : List.copyOf(bbox);
        bboxRelation = bboxRelation == null ? BboxRelation.INTERSECTS : bboxRelation;
        sort = sort == null ? Sort.RELEVANCE : sort;
        ids = ids == null ? null : Set.copyOf(ids);
        exclusions = exclusions == null ? Map.of() : Map.copyOf(exclusions);
        textMatch = textMatch == null ? TextMatch.ALL_WORDS : textMatch;
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }

    /** A query whose text matches all its words. */
    public SearchQuery(
            String text,
            Map<Facet, Set<String>> filters,
            List<Double> bbox,
            BboxRelation bboxRelation,
            LocalDate from,
            LocalDate to,
            Sort sort,
            String cursor,
            int limit,
            Set<String> ids,
            Map<Facet, Set<String>> exclusions) {
        this(text, filters, bbox, bboxRelation, from, to, sort, cursor, limit, ids, exclusions, TextMatch.ALL_WORDS);
    }

    /** A query without exclusions. */
    public SearchQuery(
            String text,
            Map<Facet, Set<String>> filters,
            List<Double> bbox,
            BboxRelation bboxRelation,
            LocalDate from,
            LocalDate to,
            Sort sort,
            String cursor,
            int limit,
            Set<String> ids) {
        this(text, filters, bbox, bboxRelation, from, to, sort, cursor, limit, ids, Map.of());
    }

    /** A query without an id restriction. */
    public SearchQuery(
            String text,
            Map<Facet, Set<String>> filters,
            List<Double> bbox,
            BboxRelation bboxRelation,
            LocalDate from,
            LocalDate to,
            Sort sort,
            String cursor,
            int limit) {
        this(text, filters, bbox, bboxRelation, from, to, sort, cursor, limit, null);
    }

    /** A keyword query with default options. */
    public static SearchQuery text(String text) {
        return new SearchQuery(text, Map.of(), null, null, null, null, null, null, 20);
    }

    public SearchQuery withFilters(Map<Facet, Set<String>> newFilters) {
        return new SearchQuery(
                text, newFilters, bbox, bboxRelation, from, to, sort, cursor, limit, ids, exclusions, textMatch);
    }

    public SearchQuery withBbox(List<Double> box, BboxRelation relation) {
        return new SearchQuery(text, filters, box, relation, from, to, sort, cursor, limit, ids, exclusions, textMatch);
    }

    public SearchQuery withPeriod(LocalDate start, LocalDate end) {
        return new SearchQuery(
                text, filters, bbox, bboxRelation, start, end, sort, cursor, limit, ids, exclusions, textMatch);
    }

    public SearchQuery withSort(Sort order) {
        return new SearchQuery(
                text, filters, bbox, bboxRelation, from, to, order, cursor, limit, ids, exclusions, textMatch);
    }

    public SearchQuery withPage(String after, int size) {
        return new SearchQuery(
                text, filters, bbox, bboxRelation, from, to, sort, after, size, ids, exclusions, textMatch);
    }

    /** Restricts the query to datasets with these ids (an empty set matches nothing). */
    public SearchQuery withIds(Set<String> only) {
        return new SearchQuery(
                text, filters, bbox, bboxRelation, from, to, sort, cursor, limit, only, exclusions, textMatch);
    }

    /** Leaves out datasets with any of these facet values. */
    public SearchQuery withExclusions(Map<Facet, Set<String>> newExclusions) {
        return new SearchQuery(
                text, filters, bbox, bboxRelation, from, to, sort, cursor, limit, ids, newExclusions, textMatch);
    }

    /** The text matched as any of its comma-separated terms. */
    public SearchQuery withAnyTerm() {
        return new SearchQuery(
                text, filters, bbox, bboxRelation, from, to, sort, cursor, limit, ids, exclusions, TextMatch.ANY_TERM);
    }

    public boolean hasText() {
        return text != null && !text.isBlank();
    }
}
