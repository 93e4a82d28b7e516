package org.twincatalog.interop.ogc;

import com.fasterxml.jackson.databind.node.NullNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.api.v1.model.Distribution;
import org.twincatalog.api.v1.model.Temporal;
import org.twincatalog.catalog.record.LanguageMaps;

/**
 * Maps datasets to OGC API - Records 1.0 records (GeoJSON features, record core): the WGS84 box
 * as the geometry, the temporal coverage as {@code time}, the metadata as properties, and links
 * to the record, its DCAT-AP export and, for callers with data access, its distributions.
 */
final class OgcRecordMapper {
    static final String RECORD_CORE = "http://www.opengis.net/spec/ogcapi-records-1/1.0/req/record-core";
    static final String GEO_JSON = "application/geo+json";
    /** The scheme of a record's own id among its {@code externalIds}. */
    static final String ID_SCHEME = "twin-catalog";
    /** The scheme of a record's DCAT URI among its {@code externalIds}. */
    static final String DCAT_SCHEME = "dcat";

    /** The languages a single-valued property is taken from, in this order. */
    private OgcRecordMapper() {}

    /**
     * @param base the API's base URL (ends with a slash)
     * @param datasetUri the dataset's DCAT URI
     */
    static Map<String, Object> record(Dataset d, String base, String datasetUri) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", d.getId());
        f.put("type", "Feature");
        f.put("conformsTo", List.of(RECORD_CORE));
        // GeoJSON requires the members, null when absent (the node's JSON leaves nulls out)
        f.put("geometry", orNull(geometry(d)));
        f.put("time", orNull(time(d.getTemporal())));
        f.put("properties", properties(d, datasetUri));
        f.put("links", links(d, base));
        return f;
    }

    static Map<String, Object> link(String href, String rel, String type, String title) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("href", href);
        link.put("rel", rel);
        if (type != null) {
            link.put("type", type);
        }
        if (title != null) {
            link.put("title", title);
        }
        return link;
    }

    private static Map<String, Object> geometry(Dataset d) {
        if (d.getSpatial() == null || d.getSpatial().getBbox() == null) {
            return null;
        }
        List<Double> b = d.getSpatial().getBbox();
        List<List<Double>> ring = List.of(
                List.of(b.get(0), b.get(1)),
                List.of(b.get(2), b.get(1)),
                List.of(b.get(2), b.get(3)),
                List.of(b.get(0), b.get(3)),
                List.of(b.get(0), b.get(1)));
        Map<String, Object> polygon = new LinkedHashMap<>();
        polygon.put("type", "Polygon");
        polygon.put("coordinates", List.of(ring));
        return polygon;
    }

    private static Map<String, Object> time(Temporal t) {
        if (t == null || (t.getStart() == null && t.getEnd() == null)) {
            return null;
        }
        List<String> interval = new ArrayList<>(2);
        interval.add(t.getStart() == null ? ".." : t.getStart().toString());
        interval.add(t.getEnd() == null ? ".." : t.getEnd().toString());
        return Map.of("interval", interval);
    }

    private static Map<String, Object> properties(Dataset d, String datasetUri) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "dataset");
        p.put("title", LanguageMaps.preferred(d.getTitle()));
        putIfPresent(p, "description", LanguageMaps.preferred(d.getDescription()));
        Set<String> languages = new LinkedHashSet<>();
        if (d.getTitle() != null) {
            languages.addAll(d.getTitle().keySet());
        }
        if (!languages.isEmpty()) {
            p.put("language", Map.of("code", languages.iterator().next()));
            p.put("languages", languages.stream().map(l -> Map.of("code", l)).toList());
        }
        List<String> keywords = new ArrayList<>();
        if (d.getKeywords() != null) {
            d.getKeywords().values().forEach(keywords::addAll);
        }
        if (!keywords.isEmpty()) {
            p.put("keywords", keywords);
        }
        if (d.getThemes() != null && !d.getThemes().isEmpty()) {
            p.put("themes", d.getThemes().stream().map(OgcRecordMapper::theme).toList());
        }
        putIfPresent(
                p, "created", d.getCreated() == null ? null : d.getCreated().toString());
        putIfPresent(
                p, "updated", d.getModified() == null ? null : d.getModified().toString());
        if (d.getPublisher() != null) {
            p.put("contacts", List.of(Map.of("organization", d.getPublisher(), "roles", List.of("publisher"))));
        }
        putIfPresent(
                p, "license", d.getLicense() == null ? null : d.getLicense().toString());
        putIfPresent(
                p,
                "rights",
                d.getAccessRights() == null ? null : d.getAccessRights().toString());
        List<Map<String, String>> formats = formats(d.getDistributions());
        if (!formats.isEmpty()) {
            p.put("formats", formats);
        }
        p.put(
                "externalIds",
                List.of(
                        Map.of("scheme", ID_SCHEME, "value", d.getId()),
                        Map.of("scheme", DCAT_SCHEME, "value", datasetUri)));
        if (d.getTwin() != null) {
            putIfPresent(p, "twin:levelsOfDetail", d.getTwin().getLevelsOfDetail());
            putIfPresent(p, "twin:featureTypes", d.getTwin().getFeatureTypes());
            putIfPresent(p, "twin:domain", d.getTwin().getDomain());
        }
        return p;
    }

    private static Map<String, Object> theme(URI uri) {
        String text = uri.toString();
        int cut = Math.max(text.lastIndexOf('/'), text.lastIndexOf('#'));
        String scheme = cut > 0 ? text.substring(0, cut) : text;
        return Map.of("concepts", List.of(Map.of("id", text.substring(cut + 1), "url", text)), "scheme", scheme);
    }

    private static List<Map<String, String>> formats(List<Distribution> distributions) {
        if (distributions == null) {
            return List.of();
        }
        return distributions.stream()
                .map(Distribution::getMediaType)
                .filter(t -> t != null)
                .distinct()
                .map(t -> Map.of("mediaType", t))
                .toList();
    }

    private static List<Map<String, Object>> links(Dataset d, String base) {
        String id = d.getId();
        List<Map<String, Object>> links = new ArrayList<>();
        links.add(link(base + "api/v1/ogc-records/collections/datasets/items/" + id, "self", GEO_JSON, null));
        links.add(link(base + "api/v1/ogc-records/collections/datasets", "collection", "application/json", null));
        links.add(link(base + "api/v1/datasets/" + id, "alternate", "text/turtle", "DCAT-AP 3 (Turtle)"));
        links.add(link(base + "api/v1/datasets/" + id, "alternate", "application/ld+json", "DCAT-AP 3 (JSON-LD)"));
        links.add(link(base + "api/v1/datasets/" + id, "alternate", "application/json", "twin-catalog dataset"));
        if (d.getDistributions() != null) {
            for (Distribution dist : d.getDistributions()) {
                String title = LanguageMaps.preferred(dist.getTitle());
                if (dist.getDownloadUrl() != null) {
                    links.add(link(dist.getDownloadUrl().toString(), "enclosure", dist.getMediaType(), title));
                } else if (dist.getAccessUrl() != null) {
                    links.add(link(dist.getAccessUrl().toString(), "related", dist.getMediaType(), title));
                }
            }
        }
        if (d.getLandingPage() != null) {
            links.add(link(d.getLandingPage().toString(), "describedby", "text/html", null));
        }
        return links;
    }

    private static Object orNull(Object value) {
        return value == null ? NullNode.getInstance() : value;
    }

    private static void putIfPresent(Map<String, Object> p, String key, Object value) {
        if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
            p.put(key, value);
        }
    }
}
