package org.twincatalog.hosting.inspection;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.twincatalog.api.v1.model.CityGmlFile;
import org.twincatalog.api.v1.model.CityGmlInspection;
import org.twincatalog.api.v1.model.CityGmlSummary;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.api.v1.model.Distribution;
import org.twincatalog.api.v1.model.PlateauPackage;
import org.twincatalog.api.v1.model.Spatial;
import org.twincatalog.api.v1.model.TwinProfile;
import org.twincatalog.ontology.Ontology;
import org.twincatalog.ontology.Tc;
import org.twincatalog.standards.citygml.FileInspection;
import org.twincatalog.standards.citygml.InspectionSummary;
import org.twincatalog.standards.citygml.PackageInspection;
import org.twincatalog.standards.citygml.PlateauPackageName;
import org.twincatalog.standards.crs.BoundingBox;
import org.twincatalog.standards.registry.Standard;
import org.twincatalog.standards.registry.StandardsRegistry;

/**
 * Turns a CityGML inspection into a registration draft (a {@link Dataset}) and into the contract's
 * {@link CityGmlInspection}. The draft carries what the data says: title and description from the
 * package name, the WGS 84 bbox, the source CRS, LODs, feature types, conformsTo from the standards
 * registry, and one distribution per feature type with its LODs. What the data cannot say (access
 * rights, where it is published, the licence) is left to the caller.
 */
public final class InspectionDraftMapper {
    static final String ZIP_FORMAT = "http://publications.europa.eu/resource/authority/file-type/ZIP";
    static final String GML_FORMAT = "http://publications.europa.eu/resource/authority/file-type/GML";

    private final StandardsRegistry registry;
    private final Ontology ontology;

    public InspectionDraftMapper(StandardsRegistry registry, Ontology ontology) {
        this.registry = registry;
        this.ontology = ontology;
    }

    /**
     * The draft of a dataset.
     *
     * @param accessUrl where the upload is published, for every distribution; null leaves it out
     */
    public Dataset draft(InspectionService.Inspected inspected, String publisher, URI accessUrl) {
        PackageInspection p = inspected.inspection();
        InspectionSummary s = p.summary();
        PlateauPackageName pkg = p.packageName();
        String name = pkg != null ? pkg.name() : p.source().replaceFirst("(?i)\\.(zip|gml|xml)$", "");
        List<String> types =
                s.featureTypes().stream().filter(this::isFeatureType).toList();
        Dataset d = new Dataset()
                .title(Map.of("en", title(pkg, name)))
                .description(Map.of("en", description(s, name, types)))
                .publisher(publisher)
                .conformsTo(conformsTo(s))
                .twin(new TwinProfile()
                        .levelsOfDetail(new ArrayList<>(s.lods()))
                        .featureTypes(types.isEmpty() ? null : types)
                        .sourceCrs(sourceCrs(p.files())));
        if (s.bbox() != null || pkg != null) {
            d.spatial(new Spatial()
                    .bbox(s.bbox() == null ? null : bbox(s.bbox()))
                    .adminAreas(pkg == null ? null : new ArrayList<>(List.of(pkg.cityCode()))));
        }
        List<Distribution> distributions = new ArrayList<>();
        p.filesByFeatureType()
                .forEach((type, files) -> distributions.add(distribution(type, files, inspected, accessUrl)));
        return d.distributions(distributions);
    }

    private Distribution distribution(
            String type, List<FileInspection> files, InspectionService.Inspected inspected, URI accessUrl) {
        SortedSet<Integer> lods = new TreeSet<>();
        files.forEach(f -> lods.addAll(f.lods()));
        SortedSet<String> versions = files.stream()
                .map(FileInspection::citygmlVersion)
                .filter(v -> v != null)
                .collect(Collectors.toCollection(TreeSet::new));
        SortedSet<String> meshes = files.stream()
                .filter(f -> f.plateauName() != null)
                .map(f -> f.plateauName().meshCode())
                .collect(Collectors.toCollection(TreeSet::new));
        boolean known = isFeatureType(type);
        String label = known
                ? ontology.concept(Tc.SCHEME_FEATURE_TYPE, type)
                        .map(c -> c.label("en"))
                        .orElse(type)
                : "Other CityGML files";
        String description = files.size() + (files.size() == 1 ? " CityGML file" : " CityGML files")
                + (meshes.isEmpty() ? "" : ", mesh codes " + String.join(", ", meshes))
                + ": " + files.stream().map(FileInspection::path).collect(Collectors.joining(", "));
        return new Distribution()
                .id(known ? type : "other")
                .title(Map.of("en", label + " (" + type + "), CityGML " + String.join("/", versions)))
                .description(Map.of("en", truncate(description, 2000)))
                .accessUrl(accessUrl)
                .mediaType(inspected.zip() ? "application/zip" : "application/gml+xml")
                .format(URI.create(inspected.zip() ? ZIP_FORMAT : GML_FORMAT))
                .conformsTo(versions.stream()
                        .flatMap(v -> registry.byId("citygml-" + v).stream())
                        .map(st -> URI.create(st.uri()))
                        .toList())
                .featureType(known ? type : null)
                .levelsOfDetail(lods.isEmpty() ? null : new ArrayList<>(lods));
    }

    /** The contract's view of an inspection. */
    static CityGmlInspection inspection(PackageInspection p) {
        InspectionSummary s = p.summary();
        PlateauPackageName pkg = p.packageName();
        return new CityGmlInspection()
                .source(p.source())
                .packageName(
                        pkg == null
                                ? null
                                : new PlateauPackage()
                                        .name(pkg.name())
                                        .cityCode(pkg.cityCode())
                                        .cityName(pkg.cityName())
                                        .year(pkg.year()))
                .summary(new CityGmlSummary()
                        .fileCount(s.fileCount())
                        .totalBytes(s.totalBytes())
                        .citygmlVersions(List.copyOf(s.citygmlVersions()))
                        .iurVersions(List.copyOf(s.iurVersions()))
                        .adeNamespaces(List.copyOf(s.adeNamespaces()))
                        .crsUris(List.copyOf(s.crsUris()))
                        .bbox(s.bbox() == null ? null : bbox(s.bbox()))
                        .lods(List.copyOf(s.lods()))
                        .featureTypes(List.copyOf(s.featureTypes()))
                        .meshCodes(List.copyOf(s.meshCodes()))
                        .cityObjectCounts(new TreeMap<>(s.cityObjectCounts())))
                .files(p.files().stream().map(InspectionDraftMapper::file).toList());
    }

    private static CityGmlFile file(FileInspection f) {
        return new CityGmlFile()
                .path(f.path())
                .sizeBytes(f.sizeBytes())
                .citygmlVersion(f.citygmlVersion())
                .iurVersion(f.iurVersion())
                .adeNamespaces(f.adeNamespaces())
                .epsg(f.epsg())
                .crsUri(f.crsUri())
                .bbox(f.bbox() == null ? null : bbox(f.bbox()))
                .lods(List.copyOf(f.lods()))
                .cityObjectCounts(new TreeMap<>(f.cityObjectCounts()))
                .meshCode(f.plateauName() == null ? null : f.plateauName().meshCode())
                .featureType(f.featureType())
                .warnings(f.warnings());
    }

    private boolean isFeatureType(String code) {
        return ontology.isConceptOf(Tc.concept(Tc.SCHEME_FEATURE_TYPE, code), Tc.SCHEME_FEATURE_TYPE);
    }

    private List<URI> conformsTo(InspectionSummary s) {
        return registry.declaredBy(s).stream()
                .map(Standard::uri)
                .map(URI::create)
                .toList();
    }

    /** The CRS most files name (ties: the one with more bytes), as EPSG:n; null when none names one. */
    static String sourceCrs(List<FileInspection> files) {
        Map<Integer, long[]> byEpsg = new TreeMap<>();
        for (FileInspection f : files) {
            if (f.epsg() != null) {
                long[] c = byEpsg.computeIfAbsent(f.epsg(), k -> new long[2]);
                c[0]++;
                c[1] += f.sizeBytes();
            }
        }
        return byEpsg.entrySet().stream()
                .max(java.util.Comparator.comparingLong((Map.Entry<Integer, long[]> e) -> e.getValue()[0])
                        .thenComparingLong(e -> e.getValue()[1]))
                .map(e -> "EPSG:" + e.getKey())
                .orElse(null);
    }

    private static String title(PlateauPackageName pkg, String name) {
        if (pkg == null) {
            return "CityGML " + name;
        }
        return "PLATEAU 3D city model of " + pkg.cityName() + " (" + pkg.cityCode() + ")"
                + (pkg.year() == null ? "" : ", " + pkg.year());
    }

    private static String description(InspectionSummary s, String name, List<String> types) {
        String lods = s.lods().stream().map(String::valueOf).collect(Collectors.joining(", "));
        return "CityGML " + String.join("/", s.citygmlVersions()) + " package " + name + ": " + s.fileCount()
                + (s.fileCount() == 1 ? " file" : " files")
                + (types.isEmpty() ? "" : ", feature types " + String.join(", ", types))
                + (lods.isEmpty() ? "" : "; LOD " + lods)
                + (s.iurVersions().isEmpty() ? "" : "; i-UR " + String.join("/", s.iurVersions()))
                + ". Drafted from an inspection of the data.";
    }

    /** A mutable list, as a deserialized request's would be (validators may look for nulls in it). */
    private static List<Double> bbox(BoundingBox b) {
        return new ArrayList<>(List.of(b.minLon(), b.minLat(), b.maxLon(), b.maxLat()));
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
