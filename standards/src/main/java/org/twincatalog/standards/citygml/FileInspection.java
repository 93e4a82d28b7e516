package org.twincatalog.standards.citygml;

import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import org.twincatalog.standards.crs.BoundingBox;

/**
 * The metadata read from one CityGML file.
 *
 * @param path the file's path relative to the inspected folder or zip ('/' separated)
 * @param sizeBytes bytes read (uncompressed)
 * @param citygmlVersion "1.0", "2.0" or "3.0", from the root namespace
 * @param adeNamespaces namespaces declared on the root that are not OGC, W3C or OASIS ones (ADEs such as i-UR)
 * @param iurVersion the PLATEAU i-UR version from the uro (else urf) namespace, or null
 * @param epsg the EPSG code of the first srsName, or null when the file names none
 * @param crsUri the OGC URI of {@code epsg}, or null
 * @param bbox the coordinates' extent in WGS 84 lon/lat, or null when there are no coordinates or
 *     the CRS is unknown
 * @param lods levels of detail that carry geometry
 * @param cityObjectCounts top-level city objects by {@code prefix:LocalName} (e.g. bldg:Building)
 * @param plateauName what the PLATEAU file name says, or null
 * @param warnings things a publisher should check (mixed CRSs, file name disagreeing with srsName, ...)
 */
public record FileInspection(
        String path,
        long sizeBytes,
        String citygmlVersion,
        List<String> adeNamespaces,
        String iurVersion,
        Integer epsg,
        String crsUri,
        BoundingBox bbox,
        SortedSet<Integer> lods,
        SortedMap<String, Long> cityObjectCounts,
        PlateauFileName plateauName,
        List<String> warnings) {

    public FileInspection {
        adeNamespaces = List.copyOf(adeNamespaces);
        lods = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(lods));
        cityObjectCounts = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(cityObjectCounts));
        warnings = List.copyOf(warnings);
    }

    /**
     * The feature-type code: from the PLATEAU file name, else from the {@code udx/<type>/} folder the
     * file lies in, else null.
     */
    public String featureType() {
        return plateauName != null
                ? plateauName.featureType()
                : PlateauFileName.featureTypeFolder(path).orElse(null);
    }
}
