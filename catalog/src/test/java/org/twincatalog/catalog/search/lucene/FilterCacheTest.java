package org.twincatalog.catalog.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.twincatalog.catalog.search.SearchFixtures.ANONYMOUS;
import static org.twincatalog.catalog.search.SearchFixtures.MINISTRY_ANALYST;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.twincatalog.access.AccessLevel;
import org.twincatalog.access.AccessSettings;
import org.twincatalog.access.Caller;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.api.v1.model.Spatial;
import org.twincatalog.api.v1.model.TwinProfile;
import org.twincatalog.catalog.search.Facet;
import org.twincatalog.catalog.search.IndexedDataset;
import org.twincatalog.catalog.search.SearchQuery;
import org.twincatalog.catalog.search.SearchQuery.BboxRelation;

/**
 * On an index large enough for the filter cache (segments of 10 000 documents and more), a
 * search answers the same counts from its first use (no cache) to its third (visibility and
 * facet values from one cached bit set, the box from another), for each caller.
 */
class FilterCacheTest {
    // enough for segments above the cache's minimum also when indexing threads split the batch
    private static final int DATASETS = 30_000;
    private static LuceneDatasetIndex index;

    @BeforeAll
    static void indexDatasets() {
        index = LuceneDatasetIndex.inMemory();
        List<IndexedDataset> all = new ArrayList<>();
        for (int i = 0; i < DATASETS; i++) {
            double lon = 126 + (i % 10) * 0.5;
            Dataset d = new Dataset()
                    .id("ds-" + i)
                    .publisher("org-" + (i % 7))
                    .title(Map.of("en", "Buildings " + i))
                    .spatial(new Spatial().bbox(List.of(lon, 37.0, lon + 0.2, 37.2)))
                    .twin(new TwinProfile()
                            .levelsOfDetail(List.of(i % 4))
                            .featureTypes(List.of(i % 2 == 0 ? "bldg" : "tran")));
            AccessSettings access = i % 5 == 0
                    ? AccessSettings.of(AccessLevel.GOVERNMENT, AccessLevel.GOVERNMENT)
                    : AccessSettings.open();
            all.add(new IndexedDataset(d, access));
        }
        index.apply(all, List.of(), 1);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void countsAreTheSame_uncachedAndCached_perCaller() {
        SearchQuery q = new SearchQuery(
                "buildings",
                Map.of(Facet.FEATURE_TYPE, Set.of("bldg"), Facet.LOD, Set.of("2")),
                List.of(126.9, 36.9, 127.6, 37.5),
                BboxRelation.INTERSECTS,
                null,
                null,
                null,
                null,
                20);
        for (int use = 0; use < 3; use++) {
            assertThat(total(q, MINISTRY_ANALYST, use))
                    .as("analyst, use " + use)
                    .isEqualTo(expected(true));
            assertThat(total(q, ANONYMOUS, use)).as("anonymous, use " + use).isEqualTo(expected(false));
        }
    }

    private static long total(SearchQuery q, Caller caller, int use) {
        // another page size each time, so that the result cache is not what answers
        SearchQuery copy = new SearchQuery(
                q.text(), q.filters(), q.bbox(), q.bboxRelation(), null, null, null, null, q.limit() + use);
        return index.search(copy, caller, Set.of()).total();
    }

    /** bldg (even i), LOD 2 (i % 4 == 2), an extent that meets the box, visible to the caller. */
    private static long expected(boolean seesGovernment) {
        long n = 0;
        for (int i = 0; i < DATASETS; i++) {
            double lon = 126 + (i % 10) * 0.5;
            boolean inBox = lon <= 127.6 && lon + 0.2 >= 126.9;
            boolean visible = seesGovernment || i % 5 != 0;
            if (i % 2 == 0 && i % 4 == 2 && inBox && visible) {
                n++;
            }
        }
        return n;
    }
}
