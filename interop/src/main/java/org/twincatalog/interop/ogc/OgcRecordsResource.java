package org.twincatalog.interop.ogc;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.twincatalog.api.v1.OgcRecordsApi;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.catalog.BadParameter;
import org.twincatalog.catalog.NodeConfig;
import org.twincatalog.catalog.NotFound;
import org.twincatalog.catalog.dataset.DatasetReads;
import org.twincatalog.catalog.dcat.DcatMapper;
import org.twincatalog.catalog.search.Extent;
import org.twincatalog.catalog.search.SearchQuery;
import org.twincatalog.catalog.search.SearchResult;
import org.twincatalog.catalog.search.SearchService;

/**
 * {@code /api/v1/ogc-records}: OGC API - Records (Part 1: core, searchable catalog, JSON) over
 * the datasets the caller may see, built on {@link SearchService} so that visibility, totals
 * ({@code numberMatched}) and paging are those of the search.
 */
@jakarta.ws.rs.Path("")
public class OgcRecordsResource implements OgcRecordsApi {
    static final String COLLECTION = "datasets";
    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-common-2/1.0/conf/collections",
            "http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/record-core",
            "http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/record-collection",
            "http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/searchable-catalog",
            "http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/sorting",
            "http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/json",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30");
    private static final String JSON = "application/json";
    private static final String SCHEMA_JSON = "application/schema+json";
    /** The query parameters {@code items} defines; any other answers 400. */
    private static final Set<String> ITEMS_PARAMETERS =
            Set.of("q", "ids", "bbox", "datetime", "type", "externalIds", "sortby", "limit", "offset", "cursor");

    private static final OgcApiDefinition DEFINITION = OgcApiDefinition.fromClassPath();

    private final SearchService search;
    private final DatasetReads datasets;
    private final NodeConfig node;
    private final DcatMapper dcat;

    @Context
    UriInfo uriInfo;

    public OgcRecordsResource(SearchService search, DatasetReads datasets, NodeConfig node) {
        this.search = search;
        this.datasets = datasets;
        this.node = node;
        this.dcat = new DcatMapper(node.baseUrl());
    }

    @Override
    public Response getOgcLandingPage() {
        allowOnly(Set.of());
        String base = base();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("title", node.id() + " (twin-catalog)");
        page.put("description", "The datasets of this twin-catalog node as OGC API - Records.");
        page.put(
                "links",
                List.of(
                        OgcRecordMapper.link(base + "api/v1/ogc-records", "self", JSON, "This document"),
                        OgcRecordMapper.link(
                                base + "api/v1/ogc-records/api",
                                "service-desc",
                                "application/vnd.oai.openapi+json;version=3.0",
                                "The API definition"),
                        OgcRecordMapper.link(
                                base + "api/v1/ogc-records/conformance", "conformance", JSON, "Conformance"),
                        OgcRecordMapper.link(base + "api/v1/ogc-records/collections", "data", JSON, "Collections")));
        return Response.ok(page, JSON).build();
    }

    @Override
    public Response getOgcApiDefinition() {
        allowOnly(Set.of());
        return Response.ok(
                        DEFINITION
                                .forApi(
                                        "/api/v1/ogc-records",
                                        base() + "api/v1/ogc-records",
                                        node.id() + " (twin-catalog): OGC API - Records")
                                .toString(),
                        "application/vnd.oai.openapi+json;version=3.0")
                .build();
    }

    @Override
    public Response getOgcConformance() {
        allowOnly(Set.of());
        return Response.ok(Map.of("conformsTo", CONFORMANCE), JSON).build();
    }

    @Override
    public Response getOgcCollections() {
        allowOnly(Set.of());
        String base = base();
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("collections", List.of(collection(base)));
        all.put("links", List.of(OgcRecordMapper.link(base + "api/v1/ogc-records/collections", "self", JSON, null)));
        return Response.ok(all, JSON).build();
    }

    @Override
    public Response getOgcCollection(String collectionId) {
        allowOnly(Set.of());
        requireCollection(collectionId);
        return Response.ok(collection(base()), JSON).build();
    }

    @Override
    public Response searchOgcRecords(
            String collectionId,
            String q,
            String ids,
            String bbox,
            String datetime,
            String type,
            String externalIds,
            String sortby,
            Integer limit,
            Integer offset,
            String cursor) {
        allowOnly(ITEMS_PARAMETERS);
        requireCollection(collectionId);
        SearchQuery query =
                OgcItemsQuery.of(q, ids, bbox, datetime, type, externalIds, sortby, limit, cursor, dcat.datasetUri(""));
        int skip = offset == null || cursor != null ? 0 : offset;
        SearchResult result = search.searchAt(query, skip);
        String base = base();
        List<Map<String, Object>> features = new ArrayList<>();
        for (Dataset d : datasets.shownByIds(
                result.hits().stream().map(SearchResult.Hit::id).toList())) {
            features.add(OgcRecordMapper.record(d, base, dcat.datasetUri(d.getId())));
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("type", "FeatureCollection");
        page.put("numberMatched", result.total());
        page.put("numberReturned", features.size());
        page.put("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        page.put("features", features);
        List<Map<String, Object>> links = new ArrayList<>();
        links.add(OgcRecordMapper.link(
                uriInfo.getRequestUri().toString(), "self", OgcRecordMapper.GEO_JSON, "This page"));
        if (result.next() != null) {
            String next = UriBuilder.fromUri(uriInfo.getRequestUri())
                    .replaceQueryParam("offset")
                    .replaceQueryParam("cursor", result.next())
                    .build()
                    .toString();
            links.add(OgcRecordMapper.link(next, "next", OgcRecordMapper.GEO_JSON, "The next page"));
        }
        links.add(
                OgcRecordMapper.link(base + "api/v1/ogc-records/collections/" + COLLECTION, "collection", JSON, null));
        page.put("links", links);
        return Response.ok(page).build();
    }

    @Override
    public Response getOgcRecord(String collectionId, String recordId) {
        allowOnly(Set.of());
        requireCollection(collectionId);
        Dataset d = datasets.get(recordId);
        return Response.ok(OgcRecordMapper.record(d, base(), dcat.datasetUri(d.getId())))
                .build();
    }

    @Override
    public Response getOgcQueryables(String collectionId) {
        allowOnly(Set.of());
        requireCollection(collectionId);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("q", Map.of("title", "Full text (title, keywords, description; ko, ja, en)", "type", "string"));
        properties.put("geometry", Map.of("title", "Extent (bbox, intersects)", "format", "geometry-polygon"));
        properties.put(
                "time", Map.of("title", "Temporal coverage (datetime, overlaps)", "type", "string", "format", "date"));
        properties.put("type", Map.of("title", "Record type", "type", "string", "enum", List.of("dataset")));
        properties.put("externalIds", Map.of("title", "External identifiers (id or DCAT URI)", "type", "string"));
        properties.put("ids", Map.of("title", "Record ids, comma-separated", "type", "string"));
        return Response.ok(schema("queryables", "Queryables of " + COLLECTION, properties), SCHEMA_JSON)
                .build();
    }

    @Override
    public Response getOgcSortables(String collectionId) {
        allowOnly(Set.of());
        requireCollection(collectionId);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("title", Map.of("title", "Title (ascending)", "type", "string"));
        properties.put(
                "updated",
                Map.of("title", "Last update (descending only: -updated)", "type", "string", "format", "date-time"));
        return Response.ok(schema("sortables", "Sortables of " + COLLECTION, properties), SCHEMA_JSON)
                .build();
    }

    private Map<String, Object> schema(String what, String title, Map<String, Object> properties) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", base() + "api/v1/ogc-records/collections/" + COLLECTION + "/" + what);
        schema.put("type", "object");
        schema.put("title", title);
        schema.put("properties", properties);
        schema.put("additionalProperties", false);
        return schema;
    }

    private Map<String, Object> collection(String base) {
        String self = base + "api/v1/ogc-records/collections/" + COLLECTION;
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", COLLECTION);
        c.put("type", "Catalog");
        c.put("itemType", "record");
        c.put("title", "Datasets");
        c.put("description", "The datasets of this node that the caller may see.");
        c.put("extent", extent(search.extent()));
        c.put(
                "links",
                List.of(
                        OgcRecordMapper.link(self, "self", JSON, null),
                        OgcRecordMapper.link(self + "/items", "items", OgcRecordMapper.GEO_JSON, "The records"),
                        OgcRecordMapper.link(
                                self + "/queryables",
                                "http://www.opengis.net/def/rel/ogc/1.0/queryables",
                                SCHEMA_JSON,
                                "Queryables"),
                        OgcRecordMapper.link(
                                self + "/sortables",
                                "http://www.opengis.net/def/rel/ogc/1.0/sortables",
                                SCHEMA_JSON,
                                "Sortables"),
                        OgcRecordMapper.link(base + "api/v1/catalog", "alternate", "text/turtle", "DCAT-AP 3")));
        return c;
    }

    /**
     * The collection's extent in OGC API form: the box as {@code spatial.bbox} (CRS84) and the
     * interval as {@code temporal.interval} ({@code null} for an open end); each left out when
     * no visible record has one.
     */
    static Map<String, Object> extent(Extent extent) {
        Map<String, Object> e = new LinkedHashMap<>();
        if (extent.bbox() != null) {
            e.put(
                    "spatial",
                    Map.of("bbox", List.of(extent.bbox()), "crs", "http://www.opengis.net/def/crs/OGC/1.3/CRS84"));
        }
        if (extent.temporal()) {
            List<String> interval = new ArrayList<>();
            interval.add(extent.start() == null ? null : extent.start().toString());
            interval.add(extent.end() == null ? null : extent.end().toString());
            e.put(
                    "temporal",
                    Map.of(
                            "interval",
                            List.of(interval),
                            "trs",
                            "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"));
        }
        return e;
    }

    /** Refuses a query parameter the operation does not define (400 naming it). */
    private void allowOnly(Set<String> defined) {
        for (String name : uriInfo.getQueryParameters().keySet()) {
            if (!defined.contains(name)) {
                throw BadParameter.query(
                        name,
                        "is not a parameter of this operation"
                                + (defined.isEmpty()
                                        ? ", which takes none"
                                        : "; use one of " + new TreeSet<>(defined)));
            }
        }
    }

    private static void requireCollection(String collectionId) {
        if (!COLLECTION.equals(collectionId)) {
            throw new NotFound("No record collection '" + collectionId + "'; this node has '" + COLLECTION + "'");
        }
    }

    /** The request's base URL, ending with a slash. */
    private String base() {
        String base = uriInfo.getBaseUri().toString();
        return base.endsWith("/") ? base : base + "/";
    }
}
