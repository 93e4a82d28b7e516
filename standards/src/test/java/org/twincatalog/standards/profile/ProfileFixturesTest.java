package org.twincatalog.standards.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every Turtle fixture listed in {@code profile/manifest.json} through the profile. */
class ProfileFixturesTest {
    private static final ProfileValidator VALIDATOR = new ProfileValidator();

    static Stream<Arguments> cases() throws IOException {
        JsonNode manifest = manifest();
        Map<String, String> prefixes = new TreeMap<>();
        manifest.get("prefixes")
                .fields()
                .forEachRemaining(e -> prefixes.put(e.getKey(), e.getValue().asText()));
        List<Arguments> list = new ArrayList<>();
        manifest.get("cases").forEach(c -> list.add(Arguments.of(c.get("file").asText(), c, prefixes)));
        return list.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void validate_fixture_givesExactlyTheManifestsFindings(
            String file, JsonNode expected, Map<String, String> prefixes) {
        Model data = RDFDataMgr.loadModel("profile/" + file);

        ValidationReport report = VALIDATOR.validate(data);

        assertThat(report.conforms())
                .as(report.toString())
                .isEqualTo(expected.get("conforms").asBoolean());
        assertThat(keys(report.violations()))
                .as(report.toString())
                .containsExactlyInAnyOrderElementsOf(expand(expected.get("violations"), prefixes));
        if (expected.has("warnings")) {
            assertThat(keys(report.warnings()))
                    .as(report.toString())
                    .containsExactlyInAnyOrderElementsOf(expand(expected.get("warnings"), prefixes));
        }
        assertThat(report.findings()).allSatisfy(f -> assertThat(f.message()).isNotBlank());
    }

    /** Each finding as [anchor, property chain...], de-duplicated. */
    private static List<List<String>> keys(List<Finding> findings) {
        return findings.stream()
                .map(f -> {
                    List<String> key = new ArrayList<>();
                    key.add(f.anchor());
                    key.addAll(f.propertyChain());
                    return key;
                })
                .distinct()
                .toList();
    }

    private static List<List<String>> expand(JsonNode cases, Map<String, String> prefixes) {
        List<List<String>> out = new ArrayList<>();
        cases.forEach(c -> {
            List<String> key = new ArrayList<>();
            c.forEach(n -> key.add(expand(n.asText(), prefixes)));
            out.add(key);
        });
        return out;
    }

    /** Expands prefix:local; a complex path is written <p1/p2> and compared with Jena's path form. */
    private static String expand(String term, Map<String, String> prefixes) {
        if (term.startsWith("<") && term.endsWith(">")) {
            String[] parts = term.substring(1, term.length() - 1).split("/");
            List<String> iris = new ArrayList<>();
            for (String p : parts) {
                iris.add("<" + expand(p, prefixes) + ">");
            }
            return String.join("/", iris);
        }
        int colon = term.indexOf(':');
        String ns = colon > 0 ? prefixes.get(term.substring(0, colon)) : null;
        return ns == null ? term : ns + term.substring(colon + 1);
    }

    private static JsonNode manifest() throws IOException {
        try (InputStream in = ProfileFixturesTest.class.getResourceAsStream("/profile/manifest.json")) {
            return new ObjectMapper().readTree(in);
        }
    }
}
