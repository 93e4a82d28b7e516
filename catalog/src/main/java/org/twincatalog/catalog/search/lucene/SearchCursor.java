package org.twincatalog.catalog.search.lucene;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;
import org.twincatalog.catalog.MalformedRequest;
import org.twincatalog.catalog.search.SearchQuery;

/**
 * Opaque search cursors: the sort values of the last hit of a page (which end with its unique
 * id), so the next page starts right after it even when the index changed in between.
 */
final class SearchCursor {
    private static final String SEP = "\u001f";

    private SearchCursor() {}

    static String encode(SearchQuery.Sort sort, FieldDoc last) {
        Object first = last.fields[0];
        String value =
                switch (sort) {
                    case RELEVANCE -> Integer.toHexString(Float.floatToIntBits((Float) first));
                    case MODIFIED -> Long.toString((Long) first);
                    case TITLE -> first == null ? "" : ((BytesRef) first).utf8ToString();
                };
        String id = ((BytesRef) last.fields[1]).utf8ToString();
        String raw = sort.name() + SEP + (first == null ? "0" : "1") + value + SEP + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static FieldDoc decode(SearchQuery.Sort sort, String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(SEP, -1);
            if (parts.length != 3 || !parts[0].equals(sort.name())) {
                throw new IllegalArgumentException();
            }
            boolean present = parts[1].startsWith("1");
            String value = parts[1].substring(1);
            Object first =
                    switch (sort) {
                        case RELEVANCE -> Float.intBitsToFloat(Integer.parseUnsignedInt(value, 16));
                        case MODIFIED -> Long.parseLong(value);
                        case TITLE -> present ? new BytesRef(value) : null;
                    };
            float score = sort == SearchQuery.Sort.RELEVANCE ? (Float) first : Float.NaN;
            return new FieldDoc(0, score, new Object[] {first, new BytesRef(parts[2])});
        } catch (RuntimeException e) {
            throw new MalformedRequest(
                    "cursor '" + cursor + "' does not belong to this search (same sort, from this node)");
        }
    }
}
