package org.twincatalog.catalog.record;

import java.util.List;
import java.util.Map;

/** Reading the language maps of records ({@code {"ko": ..., "en": ..., "ja": ...}}) for single-language outputs. */
public final class LanguageMaps {
    /** The order in which outputs without a reader's language (CKAN, OGC API Records) choose. */
    private static final List<String> PREFERRED = List.of("en", "ko", "ja");

    private LanguageMaps() {}

    /** One value of a language map: English, Korean, Japanese, else any; null for none. */
    public static String preferred(Map<String, String> text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        for (String language : PREFERRED) {
            if (text.get(language) != null) {
                return text.get(language);
            }
        }
        return text.values().iterator().next();
    }
}
