package org.twincatalog.interop.ckan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Solr query syntax as CKAN clients send it in q and fq, read and matched against packages from a fixture file. */
class CkanQueryTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static List<CkanDocument> documents;

    @BeforeAll
    static void readPackages() throws IOException {
        try (InputStream in = CkanQueryTest.class.getResourceAsStream("/ckan/packages.json")) {
            List<Map<String, Object>> packages = new ObjectMapper().readValue(in, new TypeReference<>() {});
            documents = new ArrayList<>();
            for (Map<String, Object> pkg : packages) {
                documents.add(new CkanDocument(pkg, documents.size()));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/ckan/matches.csv", delimiterString = "|", quoteCharacter = '`')
    void aQuery_matchesThePackagesSolrWould(String query, String expected) {
        CkanQuery parsed = CkanQueryParser.parse(query, "fq");

        List<String> matched = documents.stream()
                .filter(d -> d.matches(parsed, NOW))
                .map(d -> (String) d.pkg().get("id"))
                .toList();

        List<String> wanted =
                expected == null ? List.of() : Arrays.asList(expected.trim().split("\\s+"));
        assertThat(matched).containsExactlyInAnyOrderElementsOf(wanted);
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/ckan/syntax-errors.csv", delimiterString = "|", quoteCharacter = '`')
    void anUnreadableQuery_isCkansSearchError_namingWhatIsWrong(String query, String message) {
        assertThatThrownBy(() -> {
                    CkanQuery parsed = CkanQueryParser.parse(query, "fq");
                    documents.forEach(d -> d.matches(parsed, NOW));
                })
                .isInstanceOfSatisfying(CkanError.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.error()).containsEntry("__type", "Search Error");
                    assertThat((String) e.error().get("message"))
                            .startsWith("Search error: (")
                            .contains(message.trim());
                });
    }

    @Test
    void deeplyNestedParentheses_areRefused_beforeTheyExhaustTheStack() {
        String deep = "(".repeat(500) + "tags:x" + ")".repeat(500);

        assertThatThrownBy(() -> CkanQueryParser.parse(deep, "fq"))
                .isInstanceOfSatisfying(
                        CkanError.class, e -> assertThat((String) e.error().get("message"))
                                .contains("nested deeper than " + CkanQueryParser.MAX_DEPTH));
    }

    @Test
    void moreClausesThanSolrTakes_areRefused() {
        String many = String.join(" ", java.util.Collections.nCopies(1100, "x"));

        assertThatThrownBy(() -> CkanQueryParser.parse(many, "fq"))
                .isInstanceOfSatisfying(
                        CkanError.class,
                        e -> assertThat((String) e.error().get("message")).contains("more than 1024 clauses"));
    }

    @Test
    void aQueryLongerThanTheLimit_isRefused() {
        String longQuery = "x ".repeat(CkanQueryParser.MAX_LENGTH);

        assertThatThrownBy(() -> CkanQueryParser.parse(longQuery, "q"))
                .isInstanceOfSatisfying(
                        CkanError.class, e -> assertThat((String) e.error().get("message"))
                                .contains("q is longer than 4000 characters"));
    }

    @Test
    void aWildcardFullOfStars_matchesInLinearTime() {
        String pattern = "*a".repeat(200) + "b";
        String text = "a".repeat(5000);

        long started = System.nanoTime();
        boolean matched = CkanDocument.Glob.matches(pattern, text);

        assertThat(matched).isFalse();
        assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
    }
}
