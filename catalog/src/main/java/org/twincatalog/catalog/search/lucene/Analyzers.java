package org.twincatalog.catalog.search.lucene;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/**
 * Text is indexed per language: {@code title.ko} with Nori (Korean morphology), {@code title.ja}
 * with Kuromoji, {@code title.en} with English stemming, any other language with the standard
 * analyzer. A query is analysed once per language and matched against that language's fields, so
 * that 건축물, 建築物 and "buildings" each find what they should.
 */
final class Analyzers {
    /** Languages with their own analyzer; text in other languages goes to the {@code xx} fields. */
    static final List<String> LANGUAGES = List.of("ko", "ja", "en", "xx");

    static final List<String> TEXT_FIELDS = List.of("title", "keyword", "description", "place");

    private Analyzers() {}

    static String field(String base, String language) {
        return base + "." + language;
    }

    /** The indexed language for a BCP 47 tag: ko, ja, en, or xx for the rest. */
    static String languageOf(String tag) {
        String primary = tag.toLowerCase(java.util.Locale.ROOT).split("-")[0];
        return LANGUAGES.contains(primary) ? primary : "xx";
    }

    static Analyzer forLanguage(String language) {
        return switch (language) {
            case "ko" -> new KoreanAnalyzer();
            case "ja" -> new JapaneseAnalyzer();
            case "en" -> new EnglishAnalyzer();
            default -> new StandardAnalyzer();
        };
    }

    /** The analyzer the index writer uses: per field, by the language suffix. */
    static Analyzer perField() {
        Map<String, Analyzer> byField = new HashMap<>();
        for (String language : LANGUAGES) {
            Analyzer analyzer = forLanguage(language);
            TEXT_FIELDS.forEach(base -> byField.put(field(base, language), analyzer));
        }
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), byField);
    }
}
