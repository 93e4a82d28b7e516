package org.twincatalog.federation.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.twincatalog.api.v1.model.FacetValue;
import org.twincatalog.api.v1.model.FederatedHit;
import org.twincatalog.api.v1.model.PeerOutcome;
import org.twincatalog.api.v1.model.SearchHit;
import org.twincatalog.api.v1.model.SearchPage;

class ResultMergerTest {

    @Test
    void hits_areRankedByScoreNormalizedPerPeer() {
        List<PeerAnswer<SearchPage>> answers = List.of(
                ok("city-a", page(hit("a1", 10f), hit("a2", 5f))),
                ok("city-b", page(hit("b1", 0.4f), hit("b2", 0.3f))));
        List<FederatedHit> merged = ResultMerger.hits(answers, Set.of("city-a", "city-b"), 10);
        assertThat(merged).extracting(FederatedHit::getId).containsExactly("a1", "b1", "b2", "a2");
        assertThat(merged.get(2).getScore()).isEqualTo(0.75f);
    }

    @Test
    void aMirrorAndItsOrigin_areOneHit() {
        List<PeerAnswer<SearchPage>> answers =
                List.of(ok("city-a", page(hit("x", 2f))), ok("metro", page(hit("city-a.x", 3f), hit("m1", 1f))));
        List<FederatedHit> merged = ResultMerger.hits(answers, Set.of("city-a", "metro"), 10);
        assertThat(merged).extracting(FederatedHit::getId).containsExactly("x", "m1");
        assertThat(merged.get(0).getOriginNode()).isEqualTo("city-a");
    }

    @Test
    void failedPeers_addNoHitsNorCounts() {
        PeerAnswer<SearchPage> failed =
                new PeerAnswer<>(new PeerOutcome().peer("city-b").outcome(PeerOutcome.OutcomeEnum.TIMEOUT), null);
        List<PeerAnswer<SearchPage>> answers = List.of(ok("city-a", page(hit("a1", 1f))), failed);
        assertThat(ResultMerger.hits(answers, Set.of(), 10)).hasSize(1);
        assertThat(ResultMerger.total(answers)).isEqualTo(1);
    }

    @Test
    void facets_areSummedOverPeers_andCanBeNarrowed() {
        SearchPage a = page(hit("a1", 1f))
                .facets(Map.of(
                        "lod", List.of(new FacetValue().value("2").count(3L)),
                        "year", List.of(new FacetValue().value("2024").count(1L))));
        SearchPage b = page(hit("b1", 1f))
                .facets(Map.of("lod", List.of(new FacetValue().value("2").count(4L))));
        Map<String, List<FacetValue>> merged = ResultMerger.facets(List.of(ok("a", a), ok("b", b)), Set.of("lod"));
        assertThat(merged).containsOnlyKeys("lod");
        assertThat(merged.get("lod")).singleElement().satisfies(v -> assertThat(v.getCount())
                .isEqualTo(7L));
    }

    private static PeerAnswer<SearchPage> ok(String peer, SearchPage page) {
        return new PeerAnswer<>(
                new PeerOutcome().peer(peer).outcome(PeerOutcome.OutcomeEnum.OK).total(page.getTotal()), page);
    }

    private static SearchPage page(SearchHit... hits) {
        return new SearchPage().items(List.of(hits)).total((long) hits.length).facets(Map.of());
    }

    private static SearchHit hit(String id, float score) {
        return new SearchHit().id(id).title(Map.of("en", id)).score(score);
    }
}
