package org.twincatalog.catalog.search;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twincatalog.api.v1.SearchApi;
import org.twincatalog.api.v1.model.FacetValue;
import org.twincatalog.api.v1.model.SearchHit;
import org.twincatalog.api.v1.model.SearchPage;

/** {@code /api/v1/search}. */
@Path("")
public class SearchResource implements SearchApi {
    private final SearchService search;

    public SearchResource(SearchService search) {
        this.search = search;
    }

    @Override
    public Response searchDatasets(
            String q,
            List<String> publisher,
            List<String> adminArea,
            List<String> theme,
            List<String> twinDomain,
            List<String> maturityStage,
            List<String> format,
            List<String> lod,
            List<String> featureType,
            List<String> access,
            List<String> year,
            String bbox,
            String bboxRelation,
            String datetime,
            String sort,
            String cursor,
            Integer limit,
            List<String> origin,
            List<String> excludeOrigin) {
        SearchQuery query = SearchRequest.create()
                .facet(Facet.PUBLISHER, publisher)
                .facet(Facet.ADMIN_AREA, adminArea)
                .facet(Facet.THEME, theme)
                .facet(Facet.TWIN_DOMAIN, twinDomain)
                .facet(Facet.MATURITY_STAGE, maturityStage)
                .facet(Facet.FORMAT, format)
                .facet(Facet.LOD, lod)
                .facet(Facet.FEATURE_TYPE, featureType)
                .facet(Facet.ACCESS, access)
                .facet(Facet.YEAR, year)
                .facet(Facet.ORIGIN, origin)
                .exclude(Facet.ORIGIN, excludeOrigin)
                .toQuery(q, bbox, bboxRelation, datetime, sort, cursor, limit);
        return Response.ok(toPage(search.search(query))).build();
    }

    static SearchPage toPage(SearchResult result) {
        List<SearchHit> items = new ArrayList<>();
        for (SearchResult.Hit hit : result.hits()) {
            items.add(new SearchHit()
                    .id(hit.id())
                    .title(hit.title())
                    .publisher(hit.publisher())
                    .score(hit.score())
                    .highlights(hit.highlights().isEmpty() ? null : hit.highlights()));
        }
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        result.facets()
                .forEach((facet, counts) -> facets.put(
                        facet.id(),
                        counts.entrySet().stream()
                                .map(e -> new FacetValue().value(e.getKey()).count(e.getValue()))
                                .toList()));
        return new SearchPage()
                .items(items)
                .total(result.total())
                .facets(facets)
                .next(result.next());
    }
}
