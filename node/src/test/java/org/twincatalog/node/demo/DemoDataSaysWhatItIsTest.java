package org.twincatalog.node.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The demo records say what they are: a dataset tagged as a building model talks about buildings,
 * one that talks about buildings is tagged so, and every distribution's feature type is one of
 * its dataset's. (A copy-pasted template once tagged a CCTV siting draft, utility tunnels, flood
 * sensors and a housing survey as LOD2 building models.)
 */
class DemoDataSaysWhatItIsTest {
    private static final Path DEMO = Path.of("src/main/resources/demo");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyDemoDataset_isTaggedWithTheFeatureTypesItsTextAndDistributionsName() throws IOException {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(DEMO)) {
            for (Path file : files.filter(p -> p.getFileName().toString().equals("datasets.json"))
                    .toList()) {
                for (JsonNode d : JSON.readTree(file.toFile())) {
                    checked++;
                    String id = DEMO.relativize(file) + " " + d.path("id").asText();
                    Set<String> types = new HashSet<>();
                    d.at("/twin/featureTypes").forEach(t -> types.add(t.asText()));
                    String prose = (d.at("/title/en").asText() + " "
                                    + d.at("/description/en").asText())
                            .toLowerCase(Locale.ROOT);
                    boolean talksOfBuildings = prose.contains("building");
                    if (types.contains("bldg") != talksOfBuildings) {
                        problems.add(id + ": featureTypes " + types + " but its title and description "
                                + (talksOfBuildings ? "talk" : "do not talk") + " of buildings");
                    }
                    if (d.at("/keywords/en").toString().toLowerCase(Locale.ROOT).contains("building")
                            && !types.contains("bldg")) {
                        problems.add(id + ": keywords name buildings, featureTypes " + types + " do not");
                    }
                    for (JsonNode dist : d.path("distributions")) {
                        String type = dist.path("featureType").asText(null);
                        if (type != null && !types.contains(type)) {
                            problems.add(
                                    id + ": distribution " + dist.path("id").asText() + " holds " + type
                                            + ", which the dataset's featureTypes " + types + " do not name");
                        }
                        String url = dist.path("downloadUrl").asText("");
                        if (!types.contains("bldg") && url.contains("bldg")) {
                            problems.add(id + ": distribution "
                                    + dist.path("id").asText() + " downloads a building file: " + url);
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(10);
        assertThat(problems).isEmpty();
    }
}
