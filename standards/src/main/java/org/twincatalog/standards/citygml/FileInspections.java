package org.twincatalog.standards.citygml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.twincatalog.standards.crs.BoundingBox;
import org.twincatalog.standards.crs.CrsRef;
import org.twincatalog.standards.crs.Wgs84Transformer;

/** Turns a {@link ScanResult} into a {@link FileInspection}: versions, CRS, WGS 84 box, warnings. */
final class FileInspections {
    private static final Pattern CITYGML_VERSION = Pattern.compile("^http://www\\.opengis\\.net/citygml/(\\d\\.\\d)$");
    private static final List<String> STANDARD_NAMESPACES = List.of(
            "http://www.opengis.net/",
            "http://www.w3.org/",
            "urn:oasis:names:tc:ciq",
            "http://www.ascc.net/xml/schematron");

    private final Wgs84Transformer transformer;

    FileInspections(Wgs84Transformer transformer) {
        this.transformer = transformer;
    }

    FileInspection from(String path, long size, ScanResult scan) {
        List<String> warnings = new ArrayList<>();
        Matcher v = CITYGML_VERSION.matcher(scan.rootNamespace());
        List<String> ade = scan.rootNamespaces().stream()
                .filter(ns -> STANDARD_NAMESPACES.stream().noneMatch(ns::startsWith))
                .distinct()
                .sorted()
                .toList();
        Optional<CrsRef> crs = scan.srsNames().isEmpty()
                ? Optional.empty()
                : CrsRef.parse(scan.srsNames().get(0));
        if (scan.srsNames().isEmpty()) {
            warnings.add("No srsName in the file: the CRS is unknown");
        } else if (crs.isEmpty()) {
            warnings.add("srsName is not an EPSG CRS: " + scan.srsNames().get(0));
        }
        if (scan.srsNames().stream().map(CrsRef::parse).distinct().count() > 1) {
            warnings.add("Several CRSs in one file " + scan.srsNames() + "; the box assumes the first");
        }
        BoundingBox bbox = crs.flatMap(c -> box(c, scan, warnings)).orElse(null);
        PlateauFileName name = PlateauFileName.parse(path).orElse(null);
        if (name != null
                && crs.isPresent()
                && !name.crsToken().equals(String.valueOf(crs.get().epsg()))) {
            warnings.add("File name says EPSG:" + name.crsToken() + " but srsName says EPSG:"
                    + crs.get().epsg() + "; srsName is used");
        }
        String folder = PlateauFileName.featureTypeFolder(path).orElse(null);
        if (name != null && folder != null && !folder.equals(name.featureType())) {
            warnings.add("File name says feature type " + name.featureType() + " but the file lies in udx/" + folder
                    + "/; the file name is used");
        }
        return new FileInspection(
                path,
                size,
                v.matches() ? v.group(1) : null,
                ade,
                iurVersion(ade),
                crs.map(CrsRef::epsg).orElse(null),
                crs.map(CrsRef::uri).orElse(null),
                bbox,
                scan.lods(),
                scan.counts(),
                name,
                warnings);
    }

    private Optional<BoundingBox> box(CrsRef crs, ScanResult scan, List<String> warnings) {
        double[] b = scan.nativeBox();
        if (b == null) {
            return Optional.empty();
        }
        Optional<BoundingBox> box = transformer.toWgs84(crs.epsg(), b[0], b[1], b[2], b[3]);
        if (box.isEmpty()) {
            warnings.add("EPSG:" + crs.epsg() + " is not known to the transformer: no WGS 84 box");
        } else if (!box.get().isValid()) {
            warnings.add("The WGS 84 box is out of range; check the CRS and its axis order: " + box.get());
        }
        return box;
    }

    /** The version of the uro namespace, else of the urf namespace. */
    static String iurVersion(List<String> adeNamespaces) {
        for (String module : List.of("uro", "urf")) {
            Pattern p = Pattern.compile("/iur/" + module + "/(\\d+\\.\\d+)$");
            for (String ns : adeNamespaces) {
                Matcher m = p.matcher(ns);
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        return null;
    }
}
