package org.twincatalog.catalog.standards;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.api.v1.model.Distribution;
import org.twincatalog.catalog.dcat.DcatMapper;
import org.twincatalog.ontology.Tc;
import org.twincatalog.standards.profile.Finding;

/**
 * Maps a profile {@link Finding} on a dataset's DCAT graph back to the JSON Pointer of the field
 * that produced it, following the mapping {@link DcatMapper} applies: {@code dct:title} → {@code
 * /title}, {@code [dct:temporal, dcat:startDate]} → {@code /temporal/start}, a finding on the
 * N-th distribution → {@code /distributions/N/...}, a list value → its index where it can be told.
 * A finding that maps to no field answers {@code ""} (the whole document).
 */
final class FindingPointers {
    private static final String DCT = "http://purl.org/dc/terms/";
    private static final String DCAT = "http://www.w3.org/ns/dcat#";
    private static final String SPDX = "http://spdx.org/rdf/terms#";
    private static final String VCARD = "http://www.w3.org/2006/vcard/ns#";
    private static final String LOCN = "http://www.w3.org/ns/locn#";
    private static final Pattern IRI = Pattern.compile("<([^>]+)>");

    /** Dataset properties; a value ending in '[]' is a list whose index is looked up by value. */
    private static final Map<String, String> DATASET = Map.ofEntries(
            Map.entry(DCT + "title", "/title"),
            Map.entry(DCT + "description", "/description"),
            Map.entry(DCAT + "keyword", "/keywords"),
            Map.entry(DCAT + "theme", "/themes[]"),
            Map.entry(Tc.NS + "smartCityService", "/themes[]"),
            Map.entry(DCT + "publisher", "/publisher"),
            Map.entry(DCAT + "contactPoint", "/contactPoint"),
            Map.entry(DCT + "spatial", "/spatial"),
            Map.entry(DCT + "temporal", "/temporal"),
            Map.entry(DCT + "issued", "/issued"),
            Map.entry(DCT + "modified", "/modified"),
            Map.entry(DCT + "accrualPeriodicity", "/accrualPeriodicity"),
            Map.entry(DCT + "license", "/license"),
            Map.entry(DCT + "accessRights", "/accessRights"),
            Map.entry(DCT + "conformsTo", "/conformsTo[]"),
            Map.entry(DCAT + "version", "/version"),
            Map.entry(DCAT + "landingPage", "/landingPage"),
            Map.entry(DCAT + "distribution", "/distributions"),
            Map.entry(Tc.NS + "levelOfDetail", "/twin/levelsOfDetail[]"),
            Map.entry(Tc.NS + "featureType", "/twin/featureTypes[]"),
            Map.entry(Tc.NS + "sourceCrs", "/twin/sourceCrs"),
            Map.entry(Tc.NS + "twinDomain", "/twin/domain"),
            Map.entry(Tc.NS + "maturityStage", "/twin/maturityStage"),
            Map.entry(Tc.NS + "sourceSystem", "/twin/sourceSystem"));

    /** Properties of nodes hanging from a dataset property (blank nodes, reached through {@code via}). */
    private static final Map<String, String> NESTED = Map.ofEntries(
            Map.entry(DCAT + "startDate", "/start"),
            Map.entry(DCAT + "endDate", "/end"),
            Map.entry(DCAT + "bbox", "/bbox"),
            Map.entry(LOCN + "geometry", "/geometry"),
            Map.entry(Tc.NS + "sourceSystemType", "/type"),
            Map.entry(VCARD + "hasEmail", "/email"),
            Map.entry(VCARD + "hasURL", "/url"),
            Map.entry(VCARD + "hasTelephone", "/telephone"),
            Map.entry(SPDX + "algorithm", "/algorithm"),
            Map.entry(SPDX + "checksumValue", "/value"));

    private static final Map<String, String> DISTRIBUTION = Map.ofEntries(
            Map.entry(DCT + "title", "/title"),
            Map.entry(DCT + "description", "/description"),
            Map.entry(DCAT + "accessURL", "/accessUrl"),
            Map.entry(DCAT + "downloadURL", "/downloadUrl"),
            Map.entry(DCAT + "mediaType", "/mediaType"),
            Map.entry(DCT + "format", "/format"),
            Map.entry(DCAT + "byteSize", "/byteSize"),
            Map.entry(SPDX + "checksum", "/checksum"),
            Map.entry(DCT + "license", "/license"),
            Map.entry(DCT + "conformsTo", "/conformsTo[]"),
            Map.entry(DCT + "modified", "/modified"),
            Map.entry(Tc.NS + "featureType", "/featureType"),
            Map.entry(Tc.NS + "levelOfDetail", "/levelsOfDetail[]"));

    private final DcatMapper mapper;

    FindingPointers(DcatMapper mapper) {
        this.mapper = mapper;
    }

    /** The JSON Pointer in {@code dataset}'s JSON of the field {@code finding} is about. */
    String pointer(Dataset dataset, Finding finding) {
        List<String> chain = chain(finding);
        String anchor = finding.anchor();
        if (anchor == null) {
            return "";
        }
        if (anchor.equals(mapper.datasetUri(dataset.getId()))) {
            return fromDataset(dataset, chain, finding.value());
        }
        List<Distribution> distributions = Objects.requireNonNullElse(dataset.getDistributions(), List.of());
        for (int i = 0; i < distributions.size(); i++) {
            if (anchor.equals(
                    mapper.distributionUri(dataset.getId(), distributions.get(i).getId()))) {
                return "/distributions/" + i + fromDistribution(distributions.get(i), chain, finding.value());
            }
        }
        if (dataset.getPublisher() != null && anchor.equals(mapper.organizationUri(dataset.getPublisher()))) {
            return "/publisher";
        }
        List<String> areas =
                dataset.getSpatial() == null ? null : dataset.getSpatial().getAdminAreas();
        for (int i = 0; areas != null && i < areas.size(); i++) {
            if (anchor.endsWith("/" + areas.get(i))) {
                return "/spatial/adminAreas/" + i;
            }
        }
        return "";
    }

    private static String fromDataset(Dataset dataset, List<String> chain, String value) {
        if (chain.isEmpty()) {
            return "";
        }
        String field = DATASET.get(chain.get(0));
        if (field == null) {
            return "";
        }
        if (chain.size() > 1 && NESTED.containsKey(chain.get(chain.size() - 1))) {
            return field + NESTED.get(chain.get(chain.size() - 1));
        }
        return indexed(field, values(dataset, field), value);
    }

    private static String fromDistribution(Distribution d, List<String> chain, String value) {
        if (chain.isEmpty()) {
            return "";
        }
        String field = DISTRIBUTION.get(chain.get(0));
        if (field == null) {
            return "";
        }
        if (chain.size() > 1 && NESTED.containsKey(chain.get(chain.size() - 1))) {
            return field + NESTED.get(chain.get(chain.size() - 1));
        }
        List<?> values =
                switch (field) {
                    case "/conformsTo[]" -> d.getConformsTo();
                    case "/levelsOfDetail[]" -> d.getLevelsOfDetail();
                    default -> null;
                };
        return indexed(field, values, value);
    }

    /** A list field with the index of the offending value when it is found, else the list. */
    private static String indexed(String field, List<?> values, String value) {
        if (!field.endsWith("[]")) {
            return field;
        }
        String list = field.substring(0, field.length() - 2);
        for (int i = 0; values != null && value != null && i < values.size(); i++) {
            String v = String.valueOf(values.get(i));
            if (value.equals(v) || value.endsWith("/" + v)) {
                return list + "/" + i;
            }
        }
        return list;
    }

    private static List<?> values(Dataset d, String field) {
        return switch (field) {
            case "/themes[]" -> d.getThemes();
            case "/conformsTo[]" -> d.getConformsTo();
            case "/twin/levelsOfDetail[]" ->
                d.getTwin() == null ? null : d.getTwin().getLevelsOfDetail();
            case "/twin/featureTypes[]" ->
                d.getTwin() == null ? null : d.getTwin().getFeatureTypes();
            default -> null;
        };
    }

    /** The finding's property chain; a SPARQL sequence path is split into its IRIs. */
    private static List<String> chain(Finding finding) {
        List<String> chain = new ArrayList<>(finding.via());
        String path = finding.path();
        if (path != null && !path.contains("|")) { // an alternative path stays at its parent
            if (path.startsWith("<")) {
                Matcher m = IRI.matcher(path);
                while (m.find()) {
                    chain.add(m.group(1));
                }
            } else {
                chain.add(path);
            }
        }
        return chain;
    }
}
