package org.twincatalog.hosting.packages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.twincatalog.catalog.BadParameter;
import org.twincatalog.catalog.MalformedRequest;

/**
 * The criteria of a file lookup, parsed from the query parameters, as a JPQL condition on {@link
 * PackageFileEntity} ({@code f}). Criteria are AND-ed, the values of one criterion OR-ed.
 *
 * <p>Mesh codes (JIS X 0410) nest by prefix: the 2nd-level mesh {@code 533925} holds the 3rd-level
 * meshes {@code 53392500..53392599}. A file matches a requested mesh when one code is a prefix of
 * the other, i.e. the two squares overlap.
 */
record FileQuery(
        List<String> meshes,
        double[] point,
        double[] bbox,
        List<String> cities,
        List<String> featureTypes,
        Integer minLod,
        String dataset) {
    private static final Pattern MESH = Pattern.compile("^(\\d{4}|\\d{6}|\\d{8,10})$");
    private static final Pattern CODE = Pattern.compile("^[A-Za-z0-9_-]{1,16}$");

    static FileQuery parse(
            String mesh, String point, String bbox, String city, String featureType, Integer minLod, String dataset) {
        List<String> meshes = list("mesh", mesh, MESH);
        List<String> cities = list("city", city, CODE);
        List<String> types = list("featureType", featureType, CODE);
        double[] p = numbers("point", point, 2);
        double[] b = numbers("bbox", bbox, 4);
        if (p != null && (Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90)) {
            throw new MalformedRequest("point must be lon,lat in WGS 84");
        }
        if (b != null
                && (b[0] > b[2]
                        || b[1] > b[3]
                        || Math.abs(b[0]) > 180
                        || Math.abs(b[2]) > 180
                        || Math.abs(b[1]) > 90
                        || Math.abs(b[3]) > 90)) {
            throw new MalformedRequest("bbox must be minLon,minLat,maxLon,maxLat in WGS 84, min <= max");
        }
        if (minLod != null && (minLod < 0 || minLod > 4)) {
            throw BadParameter.query("minLod", "must be 0..4");
        }
        FileQuery q = new FileQuery(meshes, p, b, cities, types, minLod, blankToNull(dataset));
        if (q.isEmpty()) {
            throw new MalformedRequest(
                    "Say which files: mesh, point, bbox, city, featureType, minLod or dataset (at least one)");
        }
        return q;
    }

    boolean isEmpty() {
        return meshes.isEmpty()
                && point == null
                && bbox == null
                && cities.isEmpty()
                && featureTypes.isEmpty()
                && minLod == null
                && dataset == null;
    }

    /** The condition (never empty; starts with "where") and its parameters. */
    Condition condition() {
        List<String> and = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (!meshes.isEmpty()) {
            List<String> or = new ArrayList<>();
            for (int i = 0; i < meshes.size(); i++) {
                // the file's mesh lies in the requested one, or holds it
                or.add("f.meshCode like :meshPrefix" + i + " or :mesh" + i + " like concat(f.meshCode, '%')");
                params.put("meshPrefix" + i, meshes.get(i) + "%");
                params.put("mesh" + i, meshes.get(i));
            }
            and.add("(" + String.join(" or ", or) + ")");
        }
        if (point != null) {
            and.add("f.minLon <= :px and f.maxLon >= :px and f.minLat <= :py and f.maxLat >= :py");
            params.put("px", point[0]);
            params.put("py", point[1]);
        }
        if (bbox != null) {
            and.add("f.minLon <= :bMaxLon and f.maxLon >= :bMinLon and f.minLat <= :bMaxLat and f.maxLat >= :bMinLat");
            params.put("bMinLon", bbox[0]);
            params.put("bMinLat", bbox[1]);
            params.put("bMaxLon", bbox[2]);
            params.put("bMaxLat", bbox[3]);
        }
        if (!cities.isEmpty()) {
            and.add("f.cityCode in :cities");
            params.put("cities", cities);
        }
        if (!featureTypes.isEmpty()) {
            and.add("f.featureType in :types");
            params.put("types", featureTypes);
        }
        if (minLod != null) {
            and.add("f.maxLod >= :minLod");
            params.put("minLod", minLod);
        }
        if (dataset != null) {
            and.add("f.datasetId = :dataset");
            params.put("dataset", dataset);
        }
        return new Condition("where " + String.join(" and ", and), params);
    }

    /** A JPQL condition and its named parameters. */
    record Condition(String where, Map<String, Object> parameters) {}

    private static List<String> list(String name, String value, Pattern pattern) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> items = Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
        for (String item : items) {
            if (!pattern.matcher(item).matches()) {
                throw new MalformedRequest("'" + item + "' is not a valid " + name
                        + (name.equals("mesh") ? " code (4, 6, 8, 9 or 10 digits)" : ""));
            }
        }
        if (items.size() > 200) {
            throw new MalformedRequest("At most 200 values of " + name);
        }
        return items;
    }

    private static double[] numbers(String name, String value, int count) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String[] parts = value.split(",");
        if (parts.length != count) {
            throw new MalformedRequest(name + " needs " + count + " comma-separated numbers");
        }
        double[] out = new double[count];
        try {
            for (int i = 0; i < count; i++) {
                out[i] = Double.parseDouble(parts[i].trim());
                if (!Double.isFinite(out[i])) {
                    throw new NumberFormatException();
                }
            }
        } catch (NumberFormatException e) {
            throw new MalformedRequest(name + " needs " + count + " comma-separated numbers, got '" + value + "'");
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
