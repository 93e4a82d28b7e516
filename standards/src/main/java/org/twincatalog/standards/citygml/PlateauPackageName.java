package org.twincatalog.standards.citygml;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a PLATEAU package folder or zip name says: {@code
 * <cityCode>_<cityName>[_<provider>][_<year>][_citygml_<revision>_op]}, e.g. {@code
 * 13100_tokyo23-ku_2020_citygml_3_op} or {@code 11222_koshigaya-shi_pref_2023_citygml_2_op}.
 *
 * @param name the folder or zip name without extension
 * @param cityCode the five-digit Japanese local government code (全国地方公共団体コード)
 * @param cityName the romanised city name
 * @param year the model year, or null when the name has none
 */
public record PlateauPackageName(String name, String cityCode, String cityName, Integer year) {
    private static final Pattern CITY_CODE = Pattern.compile("\\d{5}");
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d{2}");

    /** Parses a folder or zip name; empty unless it starts with a city code and a name. */
    public static Optional<PlateauPackageName> parse(String folderOrZipName) {
        String name = folderOrZipName.replaceFirst("(?i)\\.zip$", "");
        String[] tokens = name.split("_");
        if (tokens.length < 2 || !CITY_CODE.matcher(tokens[0]).matches() || tokens[1].isBlank()) {
            return Optional.empty();
        }
        Integer year = null;
        for (int i = 2; i < tokens.length && year == null; i++) {
            if (YEAR.matcher(tokens[i]).matches()) {
                year = Integer.valueOf(tokens[i]);
            }
        }
        return Optional.of(new PlateauPackageName(name, tokens[0], tokens[1], year));
    }
}
