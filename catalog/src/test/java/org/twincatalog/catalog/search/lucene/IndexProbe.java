package org.twincatalog.catalog.search.lucene;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.twincatalog.catalog.search.SearchQuery.BboxRelation;

/** What the Lucene-level tests compare: the ids a query finds, and the box relations by hand. */
final class IndexProbe {
    private IndexProbe() {}

    /** The integer ids (stored {@link DocumentMapper#ID}) of every document {@code query} matches. */
    static Set<Integer> ids(IndexSearcher searcher, Query query) throws IOException {
        Set<Integer> ids = new HashSet<>();
        var stored = searcher.storedFields();
        int all = Math.max(1, searcher.getIndexReader().maxDoc());
        for (ScoreDoc hit : searcher.search(query, all).scoreDocs) {
            ids.add(Integer.parseInt(stored.document(hit.doc).get(DocumentMapper.ID)));
        }
        return ids;
    }

    /** Whether extent {@code e} [minLon, minLat, maxLon, maxLat] stands in {@code relation} to box {@code b}. */
    static boolean inBox(double[] e, List<Double> b, BboxRelation relation) {
        if (relation == BboxRelation.WITHIN) {
            return e[0] >= b.get(0) && e[1] >= b.get(1) && e[2] <= b.get(2) && e[3] <= b.get(3);
        }
        return e[0] <= b.get(2) && e[1] <= b.get(3) && e[2] >= b.get(0) && e[3] >= b.get(1);
    }
}
