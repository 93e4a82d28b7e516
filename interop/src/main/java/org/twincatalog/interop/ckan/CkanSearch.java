package org.twincatalog.interop.ckan;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.api.v1.model.Organization;
import org.twincatalog.catalog.CatalogException;
import org.twincatalog.catalog.NodeConfig;
import org.twincatalog.catalog.dataset.DatasetReads;
import org.twincatalog.catalog.dcat.DcatMapper;
import org.twincatalog.catalog.organization.OrganizationService;
import org.twincatalog.catalog.search.SearchQuery;
import org.twincatalog.catalog.search.SearchResult;
import org.twincatalog.catalog.search.SearchService;

/**
 * {@code package_search} as CKAN answers it, over exactly the datasets the caller may see: the
 * catalog's search (the same policy, visibility and audit as {@code /api/v1/search}) gives the
 * candidates, in relevance order for {@code q}'s keywords; {@code q}'s fields and {@code fq}
 * then only narrow them, so no query can reach a dataset the search did not answer.
 */
@ApplicationScoped
class CkanSearch {
    /** The most candidate datasets one search reads; a query matching more is a Search Error. */
    static final int MAX_CANDIDATES = 10_000;

    private static final int PAGE = 1000;

    private final SearchService search;
    private final DatasetReads datasets;
    private final OrganizationService organizations;
    private final DcatMapper dcat;

    CkanSearch(SearchService search, DatasetReads datasets, OrganizationService organizations, NodeConfig node) {
        this.search = search;
        this.datasets = datasets;
        this.organizations = organizations;
        this.dcat = new DcatMapper(node.baseUrl());
    }

    Map<String, Object> packageSearch(CkanSearchRequest request) {
        Instant now = Instant.now();
        List<CkanDocument> matching = candidates(request.text()).stream()
                .filter(d -> d.matches(request.query(), now) && d.matches(request.filter(), now))
                .sorted(request.comparator())
                .toList();
        Map<String, Object> facets = new LinkedHashMap<>();
        Map<String, Object> searchFacets = new LinkedHashMap<>();
        for (String field : request.facetFields()) {
            Map<String, Long> counts = counts(matching, field, request);
            facets.put(field, counts);
            searchFacets.put(field, searchFacet(field, counts, matching));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("count", matching.size());
        answer.put("facets", facets);
        answer.put(
                "results",
                matching.stream()
                        .skip(request.start())
                        .limit(request.rows())
                        .map(CkanDocument::pkg)
                        .toList());
        answer.put("sort", request.sort());
        answer.put("search_facets", searchFacets);
        return answer;
    }

    /** Every dataset the caller may see whose text matches {@code text} (all when null), as CKAN packages, best first. */
    List<CkanDocument> candidates(String text) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        SearchQuery.Sort sort = text == null ? SearchQuery.Sort.MODIFIED : SearchQuery.Sort.RELEVANCE;
        do {
            SearchResult page =
                    search.search(new SearchQuery(text, Map.of(), null, null, null, null, sort, cursor, PAGE));
            if (page.total() > MAX_CANDIDATES) {
                throw CkanError.search("the search reaches " + page.total() + " datasets, more than " + MAX_CANDIDATES
                        + "; add keywords to q");
            }
            page.hits().forEach(h -> ids.add(h.id()));
            cursor = page.next();
        } while (cursor != null);
        Function<String, Organization> orgs = organizationLookup();
        List<CkanDocument> documents = new ArrayList<>();
        for (Dataset d : datasets.shownByIds(ids)) {
            documents.add(new CkanDocument(CkanMapper.pkg(d, orgs, dcat.datasetUri(d.getId())), documents.size()));
        }
        return documents;
    }

    private static Map<String, Long> counts(List<CkanDocument> matching, String field, CkanSearchRequest request) {
        Map<String, Long> counts = new HashMap<>();
        for (CkanDocument d : matching) {
            for (String value : new LinkedHashSet<>(d.values(field))) {
                counts.merge(value, 1L, Long::sum);
            }
        }
        Map<String, Long> kept = new LinkedHashMap<>();
        counts.entrySet().stream()
                .filter(e -> e.getValue() >= request.facetMincount())
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(request.facetLimit() < 0 ? Long.MAX_VALUE : request.facetLimit())
                .forEach(e -> kept.put(e.getKey(), e.getValue()));
        return kept;
    }

    /** CKAN's {@code search_facets} entry: items with a display name (an organization's or group's title, a license's). */
    private static Map<String, Object> searchFacet(String field, Map<String, Long> counts, List<CkanDocument> docs) {
        Map<String, String> names = displayNames(field, docs);
        List<Map<String, Object>> items = new ArrayList<>();
        counts.forEach((value, count) -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", value);
            String display = names.get(value);
            item.put("display_name", display == null || display.isBlank() ? value : display);
            item.put("count", count);
            items.add(item);
        });
        Map<String, Object> facet = new LinkedHashMap<>();
        facet.put("title", field);
        facet.put("items", items);
        return facet;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> displayNames(String field, List<CkanDocument> docs) {
        Map<String, String> names = new HashMap<>();
        for (CkanDocument d : docs) {
            Map<String, Object> pkg = d.pkg();
            if (field.equals("organization") && pkg.get("organization") instanceof Map<?, ?> org) {
                names.put(String.valueOf(org.get("name")), (String) org.get("title"));
            } else if (field.equals("groups") && pkg.get("groups") instanceof List<?> groups) {
                groups.forEach(g -> names.put(String.valueOf(((Map<String, Object>) g).get("name")), (String)
                        ((Map<String, Object>) g).get("display_name")));
            } else if (field.equals("license_id") && pkg.get("license_id") != null) {
                names.put(pkg.get("license_id").toString(), (String) pkg.get("license_title"));
            }
        }
        return names;
    }

    Function<String, Organization> organizationLookup() {
        Map<String, Organization> seen = new HashMap<>();
        return id -> seen.computeIfAbsent(id, key -> {
            try {
                return organizations.get(key);
            } catch (CatalogException e) {
                return null;
            }
        });
    }
}
