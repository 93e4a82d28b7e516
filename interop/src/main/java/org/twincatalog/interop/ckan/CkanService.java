package org.twincatalog.interop.ckan;

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
import org.twincatalog.catalog.AccessDenied;
import org.twincatalog.catalog.CatalogException;
import org.twincatalog.catalog.Gone;
import org.twincatalog.catalog.MalformedRequest;
import org.twincatalog.catalog.NodeConfig;
import org.twincatalog.catalog.NotFound;
import org.twincatalog.catalog.dataset.DatasetReads;
import org.twincatalog.catalog.dcat.DcatMapper;
import org.twincatalog.catalog.organization.OrganizationService;
import org.twincatalog.catalog.record.Cursor;
import org.twincatalog.catalog.record.LanguageMaps;
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
    private final DatasetReads datasets;
    private final OrganizationService organizations;
    private final NodeConfig node;
    private final DcatMapper dcat;
    private final CkanSearch ckanSearch;

    public CkanService(
            SearchService search,
            DatasetReads datasets,
            OrganizationService organizations,
            NodeConfig node,
            CkanSearch ckanSearch) {
        this.search = search;
        this.ckanSearch = ckanSearch;
        this.datasets = datasets;
        this.organizations = organizations;
        this.node = node;
        this.dcat = new DcatMapper(node.baseUrl());
    }

    Map<String, Object> packageSearch(CkanSearchRequest request) {
        return ckanSearch.packageSearch(request);
    }

    /** CKAN's {@code package_list}: names of the public datasets, sorted; {@code limit} 0 or absent means all. */
    List<String> packageList(Long limit, Long offset) {
        return ckanSearch.candidates(null).stream()
                .filter(d -> Boolean.FALSE.equals(d.pkg().get("private")))
                .map(d -> String.valueOf(d.pkg().get("name")))
                .sorted()
                .skip(offset == null ? 0 : offset)
                .limit(limit == null || limit == 0 ? Long.MAX_VALUE : limit)
                .toList();
    }

    /**
     * CKAN's {@code current_package_list_with_resources}: a {@code package_search} of the public
     * datasets, most recently modified first, {@code limit} and {@code offset} read as its
     * {@code rows} and {@code start} (so their errors name those).
     */
    Object currentPackageListWithResources(CkanParams params) {
        Map<String, Object> search = new LinkedHashMap<>();
        search.put("fq", "+capacity:public");
        search.put("sort", "metadata_modified desc");
        if (params.has("limit")) {
            search.put("rows", params.all().get("limit"));
        }
        if (params.has("offset")) {
            search.put("start", params.all().get("offset"));
        } else if (params.has("page") && params.has("limit")) {
            Long page = params.integer("page");
            Long limit = new CkanParams(Map.of("rows", params.all().get("limit"))).natural("rows");
            if (limit != null && limit > 0) {
                search.put("start", Math.max(0, (page - 1) * limit));
            }
        }
        return ckanSearch
                .packageSearch(CkanSearchRequest.of(new CkanParams(search)))
                .get("results");
    }

    /**
     * CKAN's {@code resource_show}: a distribution, by its CKAN id {@code <dataset id>/<distribution
     * id>}, of a dataset the caller may see and whose data it may access; Not Found otherwise
     * (whether it is missing or hidden).
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> resourceShow(String id) {
        int slash = id.indexOf('/');
        if (slash <= 0) {
            throw CkanError.notFound(null);
        }
        Dataset d;
        try {
            d = datasets.get(id.substring(0, slash));
        } catch (NotFound | Gone | AccessDenied | MalformedRequest e) {
            throw CkanError.notFound(null);
        }
        Map<String, Object> pkg = CkanMapper.pkg(d, organizationLookup(), dcat.datasetUri(d.getId()));
        for (Object r : (List<Object>) pkg.get("resources")) {
            if (id.equals(((Map<String, Object>) r).get("id"))) {
                return (Map<String, Object>) r;
            }
        }
        throw CkanError.notFound(null);
    }

    Map<String, Object> packageShow(String id) {
        requireParameter("id", id);
        Dataset d = datasets.get(id);
        return CkanMapper.pkg(d, organizationLookup(), dcat.datasetUri(d.getId()));
    }

    Object organizationList(boolean allFields, String sort, Integer limit, Integer offset) {
        List<Organization> all = allOrganizations();
        Comparator<Organization> order = "title asc".equals(sort == null ? null : sort.trim())
                ? Comparator.comparing(o -> String.valueOf(LanguageMaps.preferred(o.getName())))
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
        status.put("site_title", LanguageMaps.preferred(node.title()));
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

    /**
     * CKAN's {@code help_show}: the documentation of an action this node answers, from the
     * {@code help/<action>.txt} file next to this class; Not Found for any other name.
     */
    String helpShow(String name) {
        if (name.matches("[a-z_]{1,64}")) {
            try (java.io.InputStream in = CkanService.class.getResourceAsStream("help/" + name + ".txt")) {
                if (in != null) {
                    return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        throw CkanError.notFound("Action function not found");
    }

    private static void requireParameter(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new MalformedRequest("Missing value: " + name);
        }
    }
}
