package org.twincatalog.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.twincatalog.catalog.search.SearchFixtures.ANONYMOUS;
import static org.twincatalog.catalog.search.SearchFixtures.COMPANY;
import static org.twincatalog.catalog.search.SearchFixtures.DEVELOPER;
import static org.twincatalog.catalog.search.SearchFixtures.GANGNAM_PUBLISHER;
import static org.twincatalog.catalog.search.SearchFixtures.MINISTRY_ANALYST;
import static org.twincatalog.catalog.search.SearchFixtures.SEJONG_STEWARD;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.twincatalog.access.AccessSettings;
import org.twincatalog.access.Caller;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.catalog.MalformedRequest;
import org.twincatalog.catalog.search.SearchQuery.BboxRelation;

/**
 * What every {@link DatasetIndex} guarantees (extension point): analysis per language, facets and
 * highlights counting only what the caller may see, box and time filters, stable cursors, batches
 * applied with their sequence, extents. An implementation's test extends this class and says how to
 * make an empty index.
 */
public abstract class DatasetIndexContractTest {
    protected DatasetIndex index;

    /** A new, empty index. */
    protected abstract DatasetIndex newIndex();

    @BeforeEach
    void indexFixtures() {
        index = newIndex();
        index.apply(SearchFixtures.datasets(), List.of(), 8);
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void korean_건축물_findsKoreanTitlesAndDescriptions_titlesFirst() {
        assertThat(ids(search(SearchQuery.text("건축물"), MINISTRY_ANALYST)))
                .containsExactly("gangnam-bldg", "busan-flood");
    }

    @Test
    void japanese_建築物_findsJapaneseTitles_andKoreanOnesThroughTheHanjaReading() {
        // Kuromoji finds 建築物 in Japanese text; Nori reads the same Hanja as 건축물.
        assertThat(ids(search(SearchQuery.text("建築物"), ANONYMOUS)))
                .containsExactlyInAnyOrder("tokyo-bldg", "yokosuka-bldg", "gangnam-bldg");
        assertThat(ids(search(SearchQuery.text("横須賀"), ANONYMOUS))).containsExactly("yokosuka-bldg");
    }

    @Test
    void english_buildings_matchesBuildingByStemming() {
        assertThat(ids(search(SearchQuery.text("buildings"), ANONYMOUS)))
                .containsExactlyInAnyOrder("gangnam-bldg", "tokyo-bldg");
    }

    @Test
    void facets_countOnlyWhatTheCallerMaySee() {
        SearchResult anonymous = search(all(), ANONYMOUS);
        assertThat(anonymous.total()).isEqualTo(4);
        assertThat(anonymous.facets().get(Facet.FEATURE_TYPE)).isEqualTo(Map.of("bldg", 3L, "tran", 1L));
        assertThat(anonymous.facets().get(Facet.PUBLISHER)).doesNotContainKeys("sejong", "busan", "seoul");

        SearchResult ministry = search(all(), MINISTRY_ANALYST);
        assertThat(ministry.total()).isEqualTo(7);
        assertThat(ministry.facets().get(Facet.PUBLISHER))
                .containsEntry("seoul", 2L)
                .containsEntry("busan", 1L)
                .doesNotContainKey("sejong");
        assertThat(ministry.facets().get(Facet.ACCESS)).containsEntry("restricted", 1L);
    }

    @Test
    void facetFilters_combine_valuesOred_facetsAnded() {
        SearchQuery q = all().withFilters(Map.of(Facet.FEATURE_TYPE, Set.of("bldg"), Facet.LOD, Set.of("2")));
        assertThat(ids(search(q, ANONYMOUS))).containsExactlyInAnyOrder("gangnam-bldg", "tokyo-bldg");

        SearchQuery years = all().withFilters(Map.of(Facet.YEAR, Set.of("2021", "2024")));
        assertThat(ids(search(years, ANONYMOUS))).containsExactlyInAnyOrder("tokyo-bldg", "mapo-roads");

        SearchQuery areas =
                all().withFilters(Map.of(Facet.ADMIN_AREA, Set.of("11440"), Facet.TWIN_DOMAIN, Set.of("transport")));
        assertThat(ids(search(areas, ANONYMOUS))).containsExactly("mapo-roads");
    }

    @Test
    void bbox_intersects_findsOverlappingExtents_within_onlyContainedOnes() {
        List<Double> seoul = List.of(126.9, 37.4, 127.2, 37.7);
        assertThat(ids(search(all().withBbox(seoul, BboxRelation.INTERSECTS), ANONYMOUS)))
                .containsExactlyInAnyOrder("gangnam-bldg", "mapo-roads");
        assertThat(ids(search(all().withBbox(seoul, BboxRelation.INTERSECTS), DEVELOPER)))
                .containsExactlyInAnyOrder("gangnam-bldg", "mapo-roads", "seoul-sensors");

        List<Double> aroundMapo = List.of(126.89, 37.53, 126.94, 37.57);
        assertThat(ids(search(all().withBbox(aroundMapo, BboxRelation.WITHIN), MINISTRY_ANALYST)))
                .containsExactly("mapo-roads");
        assertThat(ids(search(all().withBbox(aroundMapo, BboxRelation.INTERSECTS), MINISTRY_ANALYST)))
                .containsExactlyInAnyOrder("mapo-roads", "seoul-utilities", "seoul-sensors");

        assertThat(search(all().withBbox(List.of(0.0, 0.0, 1.0, 1.0), BboxRelation.INTERSECTS), MINISTRY_ANALYST)
                        .total())
                .isZero();
    }

    @Test
    void temporal_keepsDatasetsWhoseCoverageOverlaps_openEndsIncluded() {
        SearchQuery june2024 = all().withPeriod(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 30));
        assertThat(ids(search(june2024, MINISTRY_ANALYST))).containsExactlyInAnyOrder("busan-flood", "seoul-sensors");
        SearchQuery before2020 = all().withPeriod(null, LocalDate.of(2019, 12, 31));
        assertThat(search(before2020, MINISTRY_ANALYST).total()).isZero();
    }

    @Test
    void paging_byCursor_visitsEveryVisibleDatasetOnce_andIsStableWhileTheIndexChanges() {
        SearchQuery first = all().withSort(SearchQuery.Sort.TITLE).withPage(null, 2);
        SearchResult page = search(first, MINISTRY_ANALYST);
        List<String> seen = new ArrayList<>(ids(page));
        // a dataset whose title sorts first is added after the first page: later pages do not shift
        index.apply(List.of(indexed("aaa-new", "Aaa new dataset")), List.of(), 9);
        while (page.next() != null) {
            page = search(first.withPage(page.next(), 2), MINISTRY_ANALYST);
            seen.addAll(ids(page));
        }
        assertThat(seen).doesNotHaveDuplicates().hasSize(7).doesNotContain("aaa-new");
    }

    @Test
    void paging_byRelevance_andByModified_visitsEachHitOnce() {
        for (SearchQuery.Sort sort : SearchQuery.Sort.values()) {
            SearchQuery q = new SearchQuery("model 모델", Map.of(), null, null, null, null, sort, null, 1);
            SearchResult page = search(q, MINISTRY_ANALYST);
            long total = page.total();
            List<String> seen = new ArrayList<>(ids(page));
            while (page.next() != null) {
                page = search(q.withPage(page.next(), 1), MINISTRY_ANALYST);
                assertThat(page.total()).isEqualTo(total);
                seen.addAll(ids(page));
            }
            assertThat(seen).as(sort.name()).doesNotHaveDuplicates().hasSize((int) total);
        }
    }

    @Test
    void cursor_fromAnotherSort_isRejected() {
        SearchResult page = search(all().withSort(SearchQuery.Sort.TITLE).withPage(null, 1), ANONYMOUS);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> search(all().withSort(SearchQuery.Sort.MODIFIED).withPage(page.next(), 1), ANONYMOUS))
                .isInstanceOf(MalformedRequest.class);
    }

    @Test
    void visibility_privateRestrictedGovernmentAndAuthenticated_eachReachOnlyTheirCallers() {
        assertThat(ids(search(all(), SEJONG_STEWARD))).contains("sejong-secret");
        for (Caller other : List.of(ANONYMOUS, DEVELOPER, COMPANY, GANGNAM_PUBLISHER, MINISTRY_ANALYST)) {
            assertThat(ids(search(all(), other))).as(other.label()).doesNotContain("sejong-secret");
        }
        assertThat(ids(search(all(), GANGNAM_PUBLISHER)))
                .contains("seoul-utilities")
                .doesNotContain("busan-flood");
        assertThat(ids(search(all(), COMPANY))).contains("seoul-sensors").doesNotContain("seoul-utilities");
        assertThat(ids(search(all(), ANONYMOUS))).doesNotContain("seoul-sensors");
        assertThat(ids(index.search(all(), GANGNAM_PUBLISHER, Set.of("busan-flood"))))
                .contains("busan-flood");
    }

    @Test
    void invisibleDatasets_neverShowInHighlightsOrCounts() {
        SearchResult r = search(SearchQuery.text("내부 검토용"), GANGNAM_PUBLISHER);
        assertThat(r.total()).isZero();
        assertThat(r.hits()).isEmpty();
        assertThat(r.facets().values()).allSatisfy(counts -> assertThat(counts).isEmpty());
    }

    @Test
    void highlights_markTheMatchedWords() {
        SearchResult r = search(SearchQuery.text("침수"), MINISTRY_ANALYST);
        assertThat(r.hits()).singleElement().satisfies(hit -> {
            assertThat(hit.highlights()).containsKey("title.ko");
            assertThat(hit.highlights().get("title.ko").get(0)).contains("<em>침수</em>");
            assertThat(hit.title()).containsEntry("en", "Busan coastal flood simulation");
        });
    }

    @Test
    void oneBatch_withAnIdTwice_keepsItsLastState_andARemovalWins() {
        index.apply(
                List.of(indexed("twice", "First title"), indexed("twice", "Second title"), indexed("gone", "Gone")),
                List.of("gone"),
                9);
        assertThat(search(SearchQuery.text("second"), ANONYMOUS).hits())
                .extracting(SearchResult.Hit::id)
                .containsExactly("twice");
        assertThat(search(SearchQuery.text("first"), ANONYMOUS).total()).isZero();
        assertThat(search(SearchQuery.text("gone"), ANONYMOUS).total()).isZero();
    }

    @Test
    void withdrawnDatasets_areRemoved() {
        index.apply(List.of(), List.of("gangnam-bldg"), 9);
        assertThat(ids(search(all(), ANONYMOUS))).doesNotContain("gangnam-bldg");
        assertThat(index.appliedSequence()).isEqualTo(9);
    }

    @Test
    void origin_isAFacet_thatFiltersAndExcludes_mirrorsByTheirOriginNode() {
        index.apply(
                List.of(
                        new IndexedDataset(indexed("own-1", "Own one").dataset(), AccessSettings.open(), "metro-seoul"),
                        new IndexedDataset(indexed("own-2", "Own two").dataset(), AccessSettings.open(), "metro-seoul"),
                        new IndexedDataset(
                                indexed("city-mapo.roads", "Mirrored roads").dataset(),
                                AccessSettings.open(),
                                "city-mapo")),
                List.of(),
                9);
        long all = search(all(), ANONYMOUS).total();

        SearchResult own = search(all().withFilters(Map.of(Facet.ORIGIN, Set.of("metro-seoul"))), ANONYMOUS);
        SearchResult withoutMapo = search(all().withExclusions(Map.of(Facet.ORIGIN, Set.of("city-mapo"))), ANONYMOUS);

        assertThat(ids(own)).containsExactlyInAnyOrder("own-1", "own-2");
        assertThat(withoutMapo.total()).isEqualTo(all - 1);
        assertThat(ids(withoutMapo)).doesNotContain("city-mapo.roads").contains("own-1", "own-2");
        assertThat(withoutMapo.facets().get(Facet.ORIGIN)).containsOnlyKeys("metro-seoul");
        assertThat(search(all(), ANONYMOUS).facets().get(Facet.ORIGIN))
                .containsEntry("metro-seoul", 2L)
                .containsEntry("city-mapo", 1L);
    }

    @Test
    void aRepeatedSearch_isAnsweredFromTheCurrentIndexState_andPerCallersVisibility() {
        SearchResult analystSees = search(all(), MINISTRY_ANALYST);
        SearchResult anonymousSees = search(all(), ANONYMOUS);
        assertThat(anonymousSees.total())
                .as("the analyst's answer to the same query is not handed to an anonymous caller")
                .isLessThan(analystSees.total());
        assertThat(search(all(), ANONYMOUS)).isEqualTo(anonymousSees);

        index.apply(List.of(indexed("fresh-building", "Fresh building")), List.of(), 9);

        assertThat(ids(search(all(), ANONYMOUS))).contains("fresh-building");
        assertThat(search(all(), ANONYMOUS).total()).isEqualTo(anonymousSees.total() + 1);
    }

    @Test
    void anyTerm_matchesDatasetsWithAnyOfTheCommaSeparatedTerms_eachTermWithAllItsWords() {
        assertThat(ids(search(SearchQuery.text("横須賀,buildings").withAnyTerm(), ANONYMOUS)))
                .containsExactlyInAnyOrder("yokosuka-bldg", "gangnam-bldg", "tokyo-bldg");
        assertThat(search(SearchQuery.text("横須賀,buildings"), ANONYMOUS).total())
                .as("without withAnyTerm, the words must all match")
                .isZero();
        assertThat(ids(search(SearchQuery.text(" , 横須賀 ,").withAnyTerm(), ANONYMOUS)))
                .containsExactly("yokosuka-bldg");
    }

    @Test
    void extent_isTheBoxUnionAndTimeSpanOfTheDatasetsTheCallerMaySee() {
        for (Caller caller : List.of(ANONYMOUS, MINISTRY_ANALYST)) {
            Set<String> visible = Set.copyOf(ids(search(all(), caller)));
            List<Dataset> seen = SearchFixtures.datasets().stream()
                    .map(IndexedDataset::dataset)
                    .filter(d -> visible.contains(d.getId()))
                    .toList();
            assertThat(index.extent(caller, Set.of())).as("%s", caller).isEqualTo(expectedExtent(seen));
        }
        assertThat(index.extent(ANONYMOUS, Set.of())).isNotEqualTo(index.extent(MINISTRY_ANALYST, Set.of()));
    }

    /** The extent computed the plain way, from the datasets themselves. */
    private static Extent expectedExtent(List<Dataset> datasets) {
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        boolean anyBox = false;
        boolean temporal = false;
        boolean openStart = false;
        boolean openEnd = false;
        java.time.LocalDate start = null;
        java.time.LocalDate end = null;
        for (var d : datasets) {
            if (d.getSpatial() != null && d.getSpatial().getBbox() != null) {
                List<Double> b = d.getSpatial().getBbox();
                box = new double[] {
                    Math.min(box[0], b.get(0)), Math.min(box[1], b.get(1)),
                    Math.max(box[2], b.get(2)), Math.max(box[3], b.get(3))
                };
                anyBox = true;
            }
            var t = d.getTemporal();
            if (t != null && (t.getStart() != null || t.getEnd() != null)) {
                temporal = true;
                openStart |= t.getStart() == null;
                openEnd |= t.getEnd() == null;
                if (t.getStart() != null && (start == null || t.getStart().isBefore(start))) {
                    start = t.getStart();
                }
                if (t.getEnd() != null && (end == null || t.getEnd().isAfter(end))) {
                    end = t.getEnd();
                }
            }
        }
        return new Extent(
                anyBox ? List.of(box[0], box[1], box[2], box[3]) : null,
                openStart ? null : start,
                openEnd ? null : end,
                temporal);
    }

    protected SearchResult search(SearchQuery q, Caller caller) {
        return index.search(q, caller, Set.of());
    }

    protected static SearchQuery all() {
        return new SearchQuery(null, Map.of(), null, null, null, null, null, null, 50);
    }

    protected static List<String> ids(SearchResult r) {
        return r.hits().stream().map(SearchResult.Hit::id).toList();
    }

    protected static IndexedDataset indexed(String id, String title) {
        Dataset d = new Dataset()
                .id(id)
                .publisher("mapo")
                .title(Map.of("en", title))
                .description(Map.of("en", title));
        return new IndexedDataset(d, AccessSettings.open());
    }
}
