package org.twincatalog.interop.ckan;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.twincatalog.api.v1.model.AccessLevel;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.api.v1.model.Distribution;
import org.twincatalog.api.v1.model.Organization;
import org.twincatalog.catalog.record.LanguageMaps;

/** Maps records to CKAN's dictionaries (package, resource, organization, tag), as CKAN 2.10 shows them. */
final class CkanMapper {
    /** CKAN writes times as naive UTC with microseconds. */
    private static final DateTimeFormatter CKAN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private CkanMapper() {}

    /**
     * A CKAN package.
     *
     * @param organizations the publisher's organization by id (null when unknown)
     * @param datasetUri the dataset's DCAT URI
     */
    static Map<String, Object> pkg(Dataset d, Function<String, Organization> organizations, String datasetUri) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", d.getId());
        p.put("name", d.getId());
        p.put("title", LanguageMaps.preferred(d.getTitle()));
        p.put("notes", LanguageMaps.preferred(d.getDescription()));
        p.put("type", "dataset");
        p.put("state", "active");
        p.put("private", isPrivate(d));
        p.put("url", d.getLandingPage() == null ? null : d.getLandingPage().toString());
        p.put("version", d.getVersion());
        p.put("license_id", d.getLicense() == null ? null : d.getLicense().toString());
        p.put("license_url", d.getLicense() == null ? null : d.getLicense().toString());
        p.put(
                "license_title",
                d.getLicense() == null ? null : lastSegment(d.getLicense().toString()));
        p.put("author", d.getContactPoint() == null ? null : d.getContactPoint().getName());
        p.put(
                "author_email",
                d.getContactPoint() == null ? null : d.getContactPoint().getEmail());
        p.put("maintainer", null);
        p.put("maintainer_email", null);
        p.put("metadata_created", time(d.getCreated()));
        p.put("metadata_modified", time(d.getModified()));
        p.put("creator_user_id", null);
        p.put(
                "isopen",
                d.getLicense() != null
                        && d.getAccessRights() != null
                        && "public".equals(d.getAccessRights().toString()));
        Organization org = d.getPublisher() == null ? null : organizations.apply(d.getPublisher());
        p.put("owner_org", d.getPublisher());
        p.put("organization", org == null ? null : organization(org, null));
        List<Map<String, Object>> tags = tags(d);
        p.put("tags", tags);
        p.put("num_tags", tags.size());
        p.put("groups", groups(d));
        List<Map<String, Object>> resources = resources(d);
        p.put("resources", resources);
        p.put("num_resources", resources.size());
        p.put("extras", extras(d, datasetUri));
        p.put("relationships_as_object", List.of());
        p.put("relationships_as_subject", List.of());
        return p;
    }

    /** A CKAN organization; {@code packageCount} null leaves it out. */
    static Map<String, Object> organization(Organization o, Long packageCount) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.getId());
        m.put("name", o.getId());
        m.put("title", LanguageMaps.preferred(o.getName()));
        m.put("display_name", LanguageMaps.preferred(o.getName()));
        m.put("description", "");
        m.put("image_url", "");
        m.put("type", "organization");
        m.put("is_organization", true);
        m.put("state", "active");
        m.put("approval_status", "approved");
        m.put("created", time(o.getModified()));
        if (packageCount != null) {
            m.put("package_count", packageCount);
        }
        return m;
    }

    static String time(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC).format(CKAN_TIME);
    }

    private static boolean isPrivate(Dataset d) {
        return d.getAccess() != null
                && d.getAccess().getMetadataVisibility() != null
                && d.getAccess().getMetadataVisibility() != AccessLevel.PUBLIC;
    }

    private static List<Map<String, Object>> tags(Dataset d) {
        List<Map<String, Object>> tags = new ArrayList<>();
        if (d.getKeywords() != null) {
            d.getKeywords().values().stream().flatMap(List::stream).distinct().forEach(k -> {
                Map<String, Object> tag = new LinkedHashMap<>();
                tag.put("name", k);
                tag.put("display_name", k);
                tag.put("state", "active");
                tag.put("vocabulary_id", null);
                tags.add(tag);
            });
        }
        return tags;
    }

    /** Themes are CKAN groups: the concept's last segment names it, the URI is its title. */
    private static List<Map<String, Object>> groups(Dataset d) {
        if (d.getThemes() == null) {
            return List.of();
        }
        return d.getThemes().stream()
                .map(uri -> {
                    Map<String, Object> g = new LinkedHashMap<>();
                    g.put("name", lastSegment(uri.toString()));
                    g.put("title", uri.toString());
                    g.put("display_name", lastSegment(uri.toString()));
                    g.put("description", "");
                    g.put("image_display_url", "");
                    return g;
                })
                .toList();
    }

    private static List<Map<String, Object>> resources(Dataset d) {
        List<Map<String, Object>> resources = new ArrayList<>();
        if (d.getDistributions() == null) {
            return resources;
        }
        int position = 0;
        for (Distribution dist : d.getDistributions()) {
            Map<String, Object> r = new LinkedHashMap<>();
            // distribution ids are unique within their dataset; CKAN's resource ids are global
            r.put("id", d.getId() + "/" + dist.getId());
            r.put("package_id", d.getId());
            r.put(
                    "name",
                    LanguageMaps.preferred(dist.getTitle()) == null
                            ? dist.getId()
                            : LanguageMaps.preferred(dist.getTitle()));
            r.put(
                    "description",
                    LanguageMaps.preferred(dist.getDescription()) == null
                            ? ""
                            : LanguageMaps.preferred(dist.getDescription()));
            r.put("format", format(dist));
            r.put("mimetype", dist.getMediaType());
            r.put("url", (dist.getDownloadUrl() != null ? dist.getDownloadUrl() : dist.getAccessUrl()).toString());
            r.put("size", dist.getByteSize());
            r.put("hash", dist.getChecksum() == null ? "" : dist.getChecksum().getValue());
            r.put("last_modified", time(dist.getModified()));
            r.put("created", time(d.getCreated()));
            r.put("position", position++);
            r.put("state", "active");
            r.put("metadata_modified", time(dist.getModified()));
            r.put("mimetype_inner", null);
            r.put("cache_url", null);
            r.put("cache_last_updated", null);
            r.put("datastore_active", false);
            r.put("url_type", null);
            r.put("resource_type", null);
            resources.add(r);
        }
        return resources;
    }

    /** CKAN's format: the file type's code (CITYGML, ZIP, ...), else the media type. */
    private static String format(Distribution dist) {
        if (dist.getFormat() != null) {
            return lastSegment(dist.getFormat().toString());
        }
        return dist.getMediaType() == null ? "" : dist.getMediaType();
    }

    private static List<Map<String, String>> extras(Dataset d, String datasetUri) {
        Map<String, String> extras = new LinkedHashMap<>();
        extras.put("uri", datasetUri);
        if (d.getSpatial() != null && d.getSpatial().getBbox() != null) {
            List<Double> b = d.getSpatial().getBbox();
            extras.put(
                    "spatial",
                    "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}"
                            .formatted(
                                    b.get(0), b.get(1), b.get(2), b.get(1), b.get(2), b.get(3), b.get(0), b.get(3),
                                    b.get(0), b.get(1)));
        }
        if (d.getSpatial() != null && d.getSpatial().getAdminAreas() != null) {
            extras.put("admin_areas", String.join(",", d.getSpatial().getAdminAreas()));
        }
        if (d.getTemporal() != null) {
            putIf(extras, "temporal_start", d.getTemporal().getStart());
            putIf(extras, "temporal_end", d.getTemporal().getEnd());
        }
        putIf(extras, "issued", d.getIssued());
        putIf(extras, "access_rights", d.getAccessRights());
        putIf(extras, "frequency", d.getAccrualPeriodicity());
        if (d.getConformsTo() != null && !d.getConformsTo().isEmpty()) {
            extras.put(
                    "conforms_to",
                    String.join(
                            ",",
                            d.getConformsTo().stream().map(Object::toString).toList()));
        }
        if (d.getTwin() != null) {
            if (d.getTwin().getLevelsOfDetail() != null) {
                extras.put(
                        "twin_lod",
                        String.join(
                                ",",
                                d.getTwin().getLevelsOfDetail().stream()
                                        .map(String::valueOf)
                                        .toList()));
            }
            if (d.getTwin().getFeatureTypes() != null) {
                extras.put("twin_feature_types", String.join(",", d.getTwin().getFeatureTypes()));
            }
            putIf(extras, "twin_domain", d.getTwin().getDomain());
            putIf(extras, "twin_maturity_stage", d.getTwin().getMaturityStage());
            putIf(extras, "twin_source_crs", d.getTwin().getSourceCrs());
        }
        List<Map<String, String>> list = new ArrayList<>();
        extras.forEach((k, v) -> list.add(Map.of("key", k, "value", v)));
        return list;
    }

    private static void putIf(Map<String, String> extras, String key, Object value) {
        if (value != null) {
            extras.put(key, value.toString());
        }
    }

    private static String lastSegment(String uri) {
        int cut = Math.max(uri.lastIndexOf('/'), uri.lastIndexOf('#'));
        return uri.substring(cut + 1);
    }
}
