package org.twincatalog.catalog.dataset;

import java.util.List;
import java.util.regex.Pattern;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.api.v1.model.Spatial;
import org.twincatalog.api.v1.model.Temporal;
import org.twincatalog.api.v1.model.TwinProfile;
import org.twincatalog.catalog.record.Violations;

/** The rules a dataset's description must follow, each problem reported with its JSON Pointer. */
final class DatasetValidator {
    private static final Pattern AREA_CODE = Pattern.compile("^[0-9]{5}$");
    private static final Pattern CRS = Pattern.compile("^EPSG:[0-9]{4,6}$");
    private static final Pattern FEATURE_TYPE = Pattern.compile("^[a-z][a-z0-9]{1,15}$");
    private static final int MAX_DISTRIBUTIONS = 1000;

    private DatasetValidator() {}

    static void check(Violations v, Dataset d) {
        v.id("/id", d.getId());
        v.langMap("/title", d.getTitle(), true);
        v.langMap("/description", d.getDescription(), true);
        v.keywords("/keywords", d.getKeywords());
        v.absoluteUris("/themes", d.getThemes());
        v.required("/publisher", d.getPublisher());
        v.id("/publisher", d.getPublisher());
        if (d.getContactPoint() != null) {
            v.absoluteUri("/contactPoint/url", d.getContactPoint().getUrl());
        }
        spatial(v, "/spatial", d.getSpatial());
        temporal(v, d.getTemporal());
        v.absoluteUri("/accrualPeriodicity", d.getAccrualPeriodicity());
        v.absoluteUri("/license", d.getLicense());
        v.absoluteUris("/conformsTo", d.getConformsTo());
        v.absoluteUri("/landingPage", d.getLandingPage());
        twin(v, d.getTwin());
        if (d.getDistributions() != null && d.getDistributions().size() > MAX_DISTRIBUTIONS) {
            v.add("/distributions", "a dataset has at most " + MAX_DISTRIBUTIONS + " distributions");
        } else {
            DistributionValidator.checkAll(v, "/distributions", d.getDistributions());
        }
    }

    static void spatial(Violations v, String at, Spatial spatial) {
        if (spatial == null) {
            return;
        }
        List<String> areas = spatial.getAdminAreas();
        for (int i = 0; areas != null && i < areas.size(); i++) {
            if (areas.get(i) == null || !AREA_CODE.matcher(areas.get(i)).matches()) {
                v.add(at + "/adminAreas/" + i, "'" + areas.get(i) + "' is not a 5-digit administrative area code");
            }
        }
        bbox(v, at + "/bbox", spatial.getBbox());
        if (spatial.getGeometry() != null) {
            try {
                new WKTReader().read(spatial.getGeometry());
            } catch (ParseException | IllegalArgumentException e) {
                v.add(at + "/geometry", "is not valid WKT: " + e.getMessage());
            }
        }
    }

    private static void bbox(Violations v, String at, List<Double> bbox) {
        if (bbox == null || bbox.isEmpty()) {
            return;
        }
        if (bbox.size() != 4 || bbox.stream().anyMatch(java.util.Objects::isNull)) {
            v.add(at, "a bbox is four numbers [minLon, minLat, maxLon, maxLat]");
            return;
        }
        double minLon = bbox.get(0), minLat = bbox.get(1), maxLon = bbox.get(2), maxLat = bbox.get(3);
        checkRange(v, at + "/0", minLon, 180, "longitude");
        checkRange(v, at + "/1", minLat, 90, "latitude");
        checkRange(v, at + "/2", maxLon, 180, "longitude");
        checkRange(v, at + "/3", maxLat, 90, "latitude");
        if (minLon > maxLon) {
            v.add(at, "minimum longitude " + minLon + " is greater than maximum " + maxLon);
        }
        if (minLat > maxLat) {
            v.add(at, "minimum latitude " + minLat + " is greater than maximum " + maxLat);
        }
    }

    private static void checkRange(Violations v, String at, double value, double limit, String what) {
        if (!(value >= -limit && value <= limit)) {
            v.add(at, "a WGS84 " + what + " lies between -" + (int) limit + " and " + (int) limit + ", was " + value);
        }
    }

    private static void temporal(Violations v, Temporal temporal) {
        if (temporal != null
                && temporal.getStart() != null
                && temporal.getEnd() != null
                && temporal.getStart().isAfter(temporal.getEnd())) {
            v.add("/temporal/end", "the end " + temporal.getEnd() + " is before the start " + temporal.getStart());
        }
    }

    private static void twin(Violations v, TwinProfile twin) {
        if (twin == null) {
            return;
        }
        v.levelsOfDetail("/twin/levelsOfDetail", twin.getLevelsOfDetail());
        List<String> types = twin.getFeatureTypes();
        for (int i = 0; types != null && i < types.size(); i++) {
            if (types.get(i) == null || !FEATURE_TYPE.matcher(types.get(i)).matches()) {
                v.add("/twin/featureTypes/" + i, "'" + types.get(i) + "' is not a feature type code such as bldg");
            }
        }
        if (twin.getSourceCrs() != null && !CRS.matcher(twin.getSourceCrs()).matches()) {
            v.add("/twin/sourceCrs", "'" + twin.getSourceCrs() + "' is not a CRS code such as EPSG:6697");
        }
        if (twin.getSourceSystem() != null) {
            v.required("/twin/sourceSystem/type", twin.getSourceSystem().getType());
            v.absoluteUri("/twin/sourceSystem/url", twin.getSourceSystem().getUrl());
        }
    }
}
