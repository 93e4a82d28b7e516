package org.twincatalog.catalog.ckan;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.api.v1.model.Organization;
import org.twincatalog.catalog.config.NodeConfig;
import org.twincatalog.catalog.dataset.DatasetService;
import org.twincatalog.catalog.dcat.DcatMapper;
import org.twincatalog.catalog.error.CatalogException;
import org.twincatalog.catalog.error.MalformedRequest;
import org.twincatalog.catalog.organization.OrganizationService;
import org.twincatalog.catalog.record.Cursor;
import org.twincatalog.catalog.record.Page;
import org.twincatalog.catalog.search.Facet;
import org.twincatalog.catalog.search.SearchQuery;
import org.twincatalog.catalog.search.SearchResult;
import org.twincatalog.catalog.search.SearchService;

/**
 * The CKAN actions, answered from the catalog as the current caller: searches go through
 * {@link SearchService} (visibility, totals and facet counts of the search), reads through the
 * record services (the same policy checks as the node's own API).
 */
@ApplicationScoped
public class CkanService {
    /** The CKAN version whose API shapes this subset follows. */
    static final String CKAN_VERSION = "2.10.0";

    private final SearchService search;
    private final DatasetService datasets;
    private final OrganizationService organizations;
    private final NodeConfig node;
    private final DcatMapper dcat;

    public CkanService(
            SearchService search, DatasetService datasets, OrganizationService organizations, NodeConfig node) {
        this.search = search;
        this.datasets = datasets;
        this.organizations = organizations;
        this.node = node;
        this.dcat = new DcatMapper(node.baseUrl());
    }

    Map<String, Object> packageSearch(CkanSearchRequest request) {
        SearchResult result = search.searchAt(request.query, request.start);
        Function<String, Organization> orgs = organizationLookup();
        List<Map<String, Object>> results = new ArrayList<>();
        List<String> ids = result.hits().stream().map(SearchResult.Hit::id).toList();
        if (request.query.limit() > 0) {
            for (Dataset d : datasets.shownByIds(ids)) {
                results.add(CkanMapper.pkg(d, orgs, dcat.datasetUri(d.getId())));
            }
        }
        Map<String, Object> facets = new LinkedHashMap<>();
        Map<String, Object> searchFacets = new LinkedHashMap<>();
        for (String field : request.facetFields) {
            Facet facet = CkanSearchRequest.FIELDS.get(field);
            Map<String, Long> counts = result.facets().getOrDefault(facet, Map.of());
            Map<String, Long> kept = new LinkedHashMap<>();
            List<Map<String, Object>> items = new ArrayList<>();
            counts.entrySet().stream().limit(request.facetLimit).forEach(e -> {
                kept.put(e.getKey(), e.getValue());
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("name", e.getKey());
                item.put("display_name", displayName(facet, e.getKey(), orgs));
                item.put("count", e.getValue());
                items.add(item);
            });
            facets.put(field, kept);
            searchFacets.put(field, Map.of("title", field, "items", items));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("count", result.total());
        answer.put("facets", facets);
        answer.put("results", rowsOf(results, request));
        answer.put("sort", request.sort);
        answer.put("search_facets", searchFacets);
        return answer;
    }

    Map<String, Object> packageShow(String id) {
        requireParameter("id", id);
        Dataset d = datasets.get(id);
        return CkanMapper.pkg(d, organizationLookup(), dcat.datasetUri(d.getId()));
    }

    Object organizationList(boolean allFields, String sort, Integer limit, Integer offset) {
        List<Organization> all = allOrganizations();
        Comparator<Organization> order = "title asc".equals(sort == null ? null : sort.trim())
                ? Comparator.comparing(o -> String.valueOf(CkanMapper.preferred(o.getName())))
                : Comparator.comparing(Organization::getId);
        if (sort != null && !sort.isBlank() && !Set.of("name asc", "title asc").contains(sort.trim())) {
            throw new MalformedRequest("sort '" + sort + "' is not supported; use 'name asc' or 'title asc'");
        }
        if (offset != null && offset < 0) {
            throw new MalformedRequest("offset must not be negative, was " + offset);
        }
        if (limit != null && (limit < 1 || limit > 1000)) {
            throw new MalformedRequest("limit must be between 1 and 1000, was " + limit);
        }
        int from = offset == null ? 0 : offset;
        int size = limit == null ? Integer.MAX_VALUE : limit;
        List<Organization> page =
                all.stream().sorted(order).skip(from).limit(size).toList();
        if (!allFields) {
            return page.stream().map(Organization::getId).toList();
        }
        return page.stream()
                .map(o -> CkanMapper.organization(o, packageCount(o.getId())))
                .toList();
    }

    Map<String, Object> organizationShow(String id, boolean includeDatasets) {
        requireParameter("id", id);
        Organization org = organizations.get(id);
        SearchResult owned = search.search(
                new SearchQuery(null, Map.of(Facet.PUBLISHER, Set.of(id)), null, null, null, null, null, null, 10));
        Map<String, Object> answer = CkanMapper.organization(org, owned.total());
        if (includeDatasets) {
            Function<String, Organization> orgs = organizationLookup();
            answer.put(
                    "packages",
                    datasets
                            .shownByIds(owned.hits().stream()
                                    .map(SearchResult.Hit::id)
                                    .toList())
                            .stream()
                            .map(d -> CkanMapper.pkg(d, orgs, dcat.datasetUri(d.getId())))
                            .toList());
        }
        answer.put("users", List.of());
        answer.put("extras", List.of());
        return answer;
    }

    /** The keywords of every published dataset the caller may see, sorted; optionally those containing {@code query}. */
    List<String> tagList(String query) {
        TreeSet<String> tags = new TreeSet<>();
        for (Dataset d : datasets.allPublished()) {
            if (d.getKeywords() != null) {
                d.getKeywords().values().forEach(tags::addAll);
            }
        }
        if (query == null || query.isBlank()) {
            return List.copyOf(tags);
        }
        return tags.stream().filter(t -> t.contains(query.trim())).toList();
    }

    Map<String, Object> statusShow(String siteUrl) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("site_title", CkanMapper.preferred(node.title()));
        status.put(
                "site_description",
                "twin-catalog node " + node.id() + " (" + node.tier() + "), CKAN Action API subset");
        status.put("site_url", siteUrl);
        status.put("ckan_version", CKAN_VERSION);
        status.put("error_emails_to", null);
        status.put("locale_default", "en");
        status.put("extensions", List.of());
        return status;
    }

    private static Object rowsOf(List<Map<String, Object>> results, CkanSearchRequest request) {
        return request.requestedRows() == 0 ? List.of() : results;
    }

    private long packageCount(String organization) {
        return search.search(new SearchQuery(
                        null, Map.of(Facet.PUBLISHER, Set.of(organization)), null, null, null, null, null, null, 1))
                .total();
    }

    private List<Organization> allOrganizations() {
        List<Organization> all = new ArrayList<>();
        long after = 0;
        while (true) {
            Page<Organization> page = organizations.list(after, 500);
            all.addAll(page.items());
            if (page.next() == null) {
                return all;
            }
            after = Cursor.decode(page.next());
        }
    }

    private static String displayName(Facet facet, String value, Function<String, Organization> orgs) {
        if (facet == Facet.PUBLISHER) {
            Organization org = orgs.apply(value);
            return org == null ? value : CkanMapper.preferred(org.getName());
        }
        return value;
    }

    private Function<String, Organization> organizationLookup() {
        Map<String, Organization> seen = new HashMap<>();
        return id -> seen.computeIfAbsent(id, key -> {
            try {
                return organizations.get(key);
            } catch (CatalogException e) {
                return null;
            }
        });
    }

    private static void requireParameter(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new MalformedRequest("Missing value: " + name);
        }
    }
}
