package org.twincatalog.standards.citygml;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.twincatalog.standards.crs.BoundingBox;

/**
 * The inspection of a file, a folder or a zip: one {@link FileInspection} per CityGML file, ordered
 * by path, and their {@link #summary()}.
 *
 * @param source the inspected path's file name
 * @param packageName what a PLATEAU package folder / zip name says, or null
 * @param files the files, ordered by path
 * @param summary the aggregate over {@code files}
 */
public record PackageInspection(
        String source, PlateauPackageName packageName, List<FileInspection> files, InspectionSummary summary) {

    public PackageInspection {
        files = List.copyOf(files);
    }

    /** Builds an inspection, sorting the files and computing the summary. */
    public static PackageInspection of(
            String source, PlateauPackageName packageName, Collection<FileInspection> files) {
        List<FileInspection> sorted = files.stream()
                .sorted(java.util.Comparator.comparing(FileInspection::path))
                .toList();
        return new PackageInspection(source, packageName, sorted, summarize(sorted));
    }

    /** The files grouped by feature-type code (files without one under "other"). */
    public Map<String, List<FileInspection>> filesByFeatureType() {
        return files.stream()
                .collect(Collectors.groupingBy(
                        f -> f.featureType() == null ? "other" : f.featureType(), TreeMap::new, Collectors.toList()));
    }

    private static InspectionSummary summarize(List<FileInspection> files) {
        SortedSet<String> versions = new TreeSet<>();
        SortedSet<String> iur = new TreeSet<>();
        SortedSet<String> ade = new TreeSet<>();
        SortedSet<String> crs = new TreeSet<>();
        SortedSet<Integer> lods = new TreeSet<>();
        SortedSet<String> types = new TreeSet<>();
        SortedSet<String> meshes = new TreeSet<>();
        SortedMap<String, Long> counts = new TreeMap<>();
        BoundingBox bbox = null;
        long bytes = 0;
        for (FileInspection f : files) {
            bytes += f.sizeBytes();
            addIfPresent(versions, f.citygmlVersion());
            addIfPresent(iur, f.iurVersion());
            ade.addAll(f.adeNamespaces());
            addIfPresent(crs, f.crsUri());
            lods.addAll(f.lods());
            addIfPresent(types, f.featureType());
            if (f.plateauName() != null) {
                meshes.add(f.plateauName().meshCode());
            }
            f.cityObjectCounts().forEach((k, v) -> counts.merge(k, v, Long::sum));
            if (f.bbox() != null) {
                bbox = f.bbox().union(bbox);
            }
        }
        return new InspectionSummary(files.size(), bytes, versions, iur, ade, crs, bbox, lods, types, meshes, counts);
    }

    private static void addIfPresent(SortedSet<String> set, String value) {
        if (value != null) {
            set.add(value);
        }
    }
}
