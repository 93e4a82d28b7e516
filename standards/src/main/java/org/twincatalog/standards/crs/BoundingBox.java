package org.twincatalog.standards.crs;

/**
 * A 2D bounding box in WGS 84 / CRS84 longitude, latitude order, in degrees.
 *
 * @param minLon western edge
 * @param minLat southern edge
 * @param maxLon eastern edge
 * @param maxLat northern edge
 */
public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {

    /** True when the box lies within -180..180 / -90..90 and its minimums do not exceed its maximums. */
    public boolean isValid() {
        return minLon >= -180 && maxLon <= 180 && minLat >= -90 && maxLat <= 90 && minLon <= maxLon && minLat <= maxLat;
    }

    /** The smallest box holding both; {@code other} may be null. */
    public BoundingBox union(BoundingBox other) {
        if (other == null) {
            return this;
        }
        return new BoundingBox(
                Math.min(minLon, other.minLon),
                Math.min(minLat, other.minLat),
                Math.max(maxLon, other.maxLon),
                Math.max(maxLat, other.maxLat));
    }

    /** The box as a GeoSPARQL WKT polygon in CRS84, as used for {@code dcat:bbox}. */
    public String toWkt() {
        return "POLYGON((%s %s, %s %s, %s %s, %s %s, %s %s))"
                .formatted(minLon, minLat, maxLon, minLat, maxLon, maxLat, minLon, maxLat, minLon, minLat);
    }
}
