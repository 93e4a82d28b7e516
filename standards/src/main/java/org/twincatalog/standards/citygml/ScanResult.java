package org.twincatalog.standards.citygml;

import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * What one streaming pass over a CityGML document found, before CRS transformation.
 *
 * @param rootNamespace namespace of the root CityModel element
 * @param rootNamespaces namespace URIs declared on the root element, in document order
 * @param srsNames distinct srsName values in document order (at most {@link CityGmlScanner#MAX_SRS_NAMES})
 * @param nativeBox min axis0, min axis1, max axis0, max axis1 of all coordinates; null when none
 * @param lods levels of detail that carry geometry
 * @param counts top-level city objects by {@code prefix:LocalName}
 * @param coordinateTuples number of coordinate tuples read
 */
record ScanResult(
        String rootNamespace,
        List<String> rootNamespaces,
        List<String> srsNames,
        double[] nativeBox,
        SortedSet<Integer> lods,
        SortedMap<String, Long> counts,
        long coordinateTuples) {}
