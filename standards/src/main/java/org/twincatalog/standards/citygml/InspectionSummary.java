package org.twincatalog.standards.citygml;

import java.util.SortedMap;
import java.util.SortedSet;
import org.twincatalog.standards.crs.BoundingBox;

/**
 * The aggregate of a package's files: what a dataset registration needs.
 *
 * @param fileCount number of CityGML files
 * @param totalBytes their uncompressed size
 * @param citygmlVersions distinct CityGML versions
 * @param iurVersions distinct i-UR versions
 * @param adeNamespaces distinct ADE namespaces
 * @param crsUris distinct source CRS URIs
 * @param bbox union of the files' WGS 84 boxes, or null when none has one
 * @param lods union of the levels of detail
 * @param featureTypes distinct feature-type codes from PLATEAU file names or udx folders
 * @param meshCodes distinct mesh codes from PLATEAU file names
 * @param cityObjectCounts summed counts by type
 */
public record InspectionSummary(
        int fileCount,
        long totalBytes,
        SortedSet<String> citygmlVersions,
        SortedSet<String> iurVersions,
        SortedSet<String> adeNamespaces,
        SortedSet<String> crsUris,
        BoundingBox bbox,
        SortedSet<Integer> lods,
        SortedSet<String> featureTypes,
        SortedSet<String> meshCodes,
        SortedMap<String, Long> cityObjectCounts) {}
