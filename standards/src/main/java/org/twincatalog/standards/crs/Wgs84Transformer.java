package org.twincatalog.standards.crs;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Transforms native bounding boxes to WGS 84 longitude/latitude with proj4j.
 *
 * <p>Axis order follows EPSG: geographic CRSs (JGD2011 6668, its 3D compound 6697, WGS 84 4326) list
 * latitude first; the Japanese plane rectangular systems and the Korean TM systems list northing
 * first. Compound CRSs (horizontal + height) are reduced to their horizontal part; heights are not
 * part of the 2D box. Projected boxes are transformed along a densified outline, so curved edges are
 * covered. Thread-safe.
 */
public final class Wgs84Transformer {
    private static final int DENSIFY = 16;
    private static final CRSFactory CRS = new CRSFactory();
    private static final CoordinateTransformFactory CTF = new CoordinateTransformFactory();

    /** Compound CRS code to its horizontal component. */
    private static final Map<Integer, Integer> HORIZONTAL = compoundTable();

    private final Map<Integer, Optional<CoordinateReferenceSystem>> cache = new ConcurrentHashMap<>();
    private final CoordinateReferenceSystem wgs84 = CRS.createFromName("EPSG:4326");

    /**
     * The WGS 84 box of a native box whose corners are given in the CRS's own axis order ({@code
     * axis0} is the first coordinate of each tuple). Empty when proj4j does not know the CRS.
     */
    public Optional<BoundingBox> toWgs84(int epsg, double minAxis0, double minAxis1, double maxAxis0, double maxAxis1) {
        int horizontal = horizontal(epsg);
        Optional<CoordinateReferenceSystem> source = cache.computeIfAbsent(horizontal, Wgs84Transformer::create);
        if (source.isEmpty()) {
            return Optional.empty();
        }
        boolean firstIsNorth = firstAxisIsNorth(horizontal, source.get());
        double minX = firstIsNorth ? minAxis1 : minAxis0;
        double maxX = firstIsNorth ? maxAxis1 : maxAxis0;
        double minY = firstIsNorth ? minAxis0 : minAxis1;
        double maxY = firstIsNorth ? maxAxis0 : maxAxis1;
        CoordinateTransform t = CTF.createTransform(source.get(), wgs84);
        double[] box = {
            Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY
        };
        for (int i = 0; i <= DENSIFY; i++) {
            double fx = minX + (maxX - minX) * i / DENSIFY;
            double fy = minY + (maxY - minY) * i / DENSIFY;
            include(t, box, fx, minY);
            include(t, box, fx, maxY);
            include(t, box, minX, fy);
            include(t, box, maxX, fy);
        }
        return Optional.of(new BoundingBox(box[0], box[1], box[2], box[3]));
    }

    /** The horizontal CRS of a compound CRS, or the code itself. */
    public static int horizontal(int epsg) {
        return HORIZONTAL.getOrDefault(epsg, epsg);
    }

    /** True when the CRS's first axis is latitude or northing (EPSG order). */
    public boolean firstAxisIsNorth(int epsg) {
        int horizontal = horizontal(epsg);
        return cache.computeIfAbsent(horizontal, Wgs84Transformer::create)
                .map(c -> firstAxisIsNorth(horizontal, c))
                .orElse(false);
    }

    private static boolean firstAxisIsNorth(int epsg, CoordinateReferenceSystem crs) {
        if (crs.getProjection().isGeographic()) {
            return true;
        }
        return (epsg >= 6669 && epsg <= 6687) // JGD2011 / Japan Plane Rectangular CS I..XIX
                || (epsg >= 2443 && epsg <= 2461) // JGD2000 / Japan Plane Rectangular CS I..XIX
                || (epsg >= 5173 && epsg <= 5188) // Korea 2000 / Korean 1985 TM belts
                || epsg == 5179; // Korea 2000 / Unified CS
    }

    private static void include(CoordinateTransform t, double[] box, double x, double y) {
        ProjCoordinate out = t.transform(new ProjCoordinate(x, y), new ProjCoordinate());
        box[0] = Math.min(box[0], out.x);
        box[1] = Math.min(box[1], out.y);
        box[2] = Math.max(box[2], out.x);
        box[3] = Math.max(box[3], out.y);
    }

    private static Optional<CoordinateReferenceSystem> create(int epsg) {
        try {
            return Optional.of(CRS.createFromName("EPSG:" + epsg));
        } catch (RuntimeException unknown) {
            return Optional.empty();
        }
    }

    private static Map<Integer, Integer> compoundTable() {
        Map<Integer, Integer> m = new ConcurrentHashMap<>();
        m.put(6697, 6668); // JGD2011 + JGD2011 (vertical) height
        for (int zone = 0; zone < 13; zone++) {
            m.put(10162 + zone, 6669 + zone); // JGD2011 / Japan Plane Rectangular CS I..XIII + JGD2011 height
        }
        return Map.copyOf(m);
    }
}
