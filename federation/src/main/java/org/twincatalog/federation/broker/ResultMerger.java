package org.twincatalog.federation.broker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.twincatalog.api.v1.model.FacetValue;
import org.twincatalog.api.v1.model.FederatedHit;
import org.twincatalog.api.v1.model.SearchHit;
import org.twincatalog.api.v1.model.SearchPage;

/**
 * Merges peers' search pages. Relevance scores of different indexes are not comparable, so each
 * peer's scores are divided by its best one; hits then sort by that, then by the order of the
 * peers asked, then by each peer's own rank. A mirror ({@code <origin node>.<origin id>}) and its
 * origin record are one hit: the first one kept wins.
 */
public final class ResultMerger {
    private ResultMerger() {}

    /** A hit to rank; the merged hit is made only for those kept (a broker ranks 100 x 20 for 20). */
    private record Ranked(SearchHit hit, String peer, float score, int peerOrder, int rank) {}

    private static final Comparator<Ranked> ORDER = (x, y) -> {
        int c = Float.compare(y.score(), x.score());
        if (c == 0) {
            c = Integer.compare(x.peerOrder(), y.peerOrder());
        }
        return c != 0 ? c : Integer.compare(x.rank(), y.rank());
    };

    /** The merged hits, at most {@code limit}. {@code nodeIds} are the ids mirrors may be prefixed with. */
    public static List<FederatedHit> hits(List<PeerAnswer<SearchPage>> answers, Set<String> nodeIds, int limit) {
        List<Ranked> all = new ArrayList<>();
        for (int p = 0; p < answers.size(); p++) {
            PeerAnswer<SearchPage> a = answers.get(p);
            if (!a.ok() || a.page().getItems() == null) {
                continue;
            }
            List<SearchHit> items = a.page().getItems();
            float best = 0;
            for (SearchHit h : items) {
                if (h.getScore() != null) {
                    best = Math.max(best, h.getScore());
                }
            }
            String peer = a.outcome().getPeer();
            for (int r = 0; r < items.size(); r++) {
                SearchHit h = items.get(r);
                float score = best > 0 && h.getScore() != null
                        ? h.getScore() / best
                        : 1f - (float) r / Math.max(1, items.size());
                all.add(new Ranked(h, peer, score, p, r));
            }
        }
        all.sort(ORDER);
        Set<String> seen = new HashSet<>();
        List<FederatedHit> merged = new ArrayList<>();
        for (int i = 0; i < all.size() && merged.size() < limit; i++) {
            Ranked r = all.get(i);
            SearchHit h = r.hit();
            String origin = originNode(h.getId(), r.peer(), nodeIds);
            String originId = h.getId().startsWith(origin + ".") ? h.getId().substring(origin.length() + 1) : h.getId();
            if (seen.add(origin + "/" + originId)) {
                merged.add(new FederatedHit()
                        .peer(r.peer())
                        .id(h.getId())
                        .originNode(origin)
                        .title(h.getTitle())
                        .publisher(h.getPublisher())
                        .score(r.score())
                        .highlights(h.getHighlights()));
            }
        }
        return merged;
    }

    /** The node a hit's record was registered at: the prefix of a mirror id, else the peer. */
    static String originNode(String id, String peer, Set<String> nodeIds) {
        int dot = id.indexOf('.');
        if (dot > 0 && nodeIds.contains(id.substring(0, dot))) {
            return id.substring(0, dot);
        }
        return peer;
    }

    /** Facet counts summed over the peers that answered. */
    public static Map<String, List<FacetValue>> facets(List<PeerAnswer<SearchPage>> answers, Set<String> only) {
        Map<String, Map<String, Long>> sums = new TreeMap<>();
        for (PeerAnswer<SearchPage> a : answers) {
            if (a.ok() && a.page().getFacets() != null) {
                select(a.page(), only)
                        .forEach(
                                (facet, values) -> values.forEach(v -> sums.computeIfAbsent(facet, f -> new TreeMap<>())
                                        .merge(v.getValue(), v.getCount(), Long::sum)));
            }
        }
        Map<String, List<FacetValue>> out = new LinkedHashMap<>();
        sums.forEach((facet, counts) -> out.put(
                facet,
                counts.entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue()
                                .reversed()
                                .thenComparing(Map.Entry.comparingByKey()))
                        .map(e -> new FacetValue().value(e.getKey()).count(e.getValue()))
                        .toList()));
        return out;
    }

    /** A page's facets, only those named in {@code only} (all when it is empty). */
    public static Map<String, List<FacetValue>> select(SearchPage page, Set<String> only) {
        Map<String, List<FacetValue>> out = new TreeMap<>();
        if (page.getFacets() != null) {
            page.getFacets().forEach((facet, values) -> {
                if (only.isEmpty() || only.contains(facet)) {
                    out.put(facet, values);
                }
            });
        }
        return out;
    }

    /** The sum of the totals of the peers that answered. */
    public static long total(List<PeerAnswer<SearchPage>> answers) {
        return answers.stream()
                .filter(PeerAnswer::ok)
                .mapToLong(a -> a.page().getTotal() == null ? 0 : a.page().getTotal())
                .sum();
    }
}
