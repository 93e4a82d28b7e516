package org.twincatalog.standards.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twincatalog.standards.TestData;
import org.twincatalog.standards.citygml.CityGmlInspector;
import org.twincatalog.standards.citygml.InspectionSummary;

class StandardsRegistryTest {
    private final StandardsRegistry registry = StandardsRegistry.bundled();

    @Test
    void list_containsTheStandardsTheIssueNames() {
        assertThat(registry.list())
                .extracting(Standard::id)
                .contains(
                        "citygml-1.0",
                        "citygml-2.0",
                        "citygml-3.0",
                        "iur-1.4",
                        "iur-1.5",
                        "iur-2.0",
                        "iur-3.0",
                        "iur-3.1",
                        "iur-3.2",
                        "iur-4.0",
                        "3dtiles-1.0",
                        "3dtiles-1.1",
                        "ogcapi-features-1",
                        "ogcapi-records-1",
                        "ngsi-ld-1.8",
                        "sensorthings-1.1",
                        "geojson",
                        "geopackage-1.3",
                        "mvt-2.1",
                        "gltf-2.0",
                        "ifc-4.3");
    }

    @Test
    void everyEntry_hasAllFieldsAndAnAbsoluteUri() {
        List<String> kinds = List.of("data-model", "ade", "encoding", "tiles", "api", "metadata");
        assertThat(registry.list()).allSatisfy(s -> {
            assertThat(s.id()).matches("[a-z0-9.-]+");
            assertThat(s.title()).isNotBlank();
            assertThat(s.version()).isNotBlank();
            assertThat(s.publisher()).isNotBlank();
            assertThat(kinds).contains(s.kind());
            assertThat(URI.create(s.uri()).isAbsolute()).isTrue();
        });
    }

    @Test
    void byUri_findsByConformsToUriAndByXmlNamespace() {
        assertThat(registry.byUri("http://www.opengis.net/spec/ogcapi-features-1/1.0"))
                .map(Standard::id)
                .contains("ogcapi-features-1");
        assertThat(registry.byUri("http://www.opengis.net/citygml/2.0"))
                .map(Standard::id)
                .contains("citygml-2.0");
        assertThat(registry.byUri("https://example.org/unknown")).isEmpty();
    }

    @Test
    void byId_unknown_isEmpty() {
        assertThat(registry.byId("citygml-9.9")).isEmpty();
        assertThat(registry.list("api")).extracting(Standard::kind).containsOnly("api");
    }

    @Test
    void declaredBy_inspectedTokyoPackage_isCityGml20AndIur14() {
        InspectionSummary summary = new CityGmlInspector()
                .inspect(TestData.plateau().resolve("13100_tokyo23-ku_2020_citygml_sample"))
                .summary();

        assertThat(registry.declaredBy(summary)).extracting(Standard::id).containsExactly("citygml-2.0", "iur-1.4");
    }

    @Test
    void everyIurNamespaceSeenInTheSamples_isRegistered() {
        InspectionSummary all =
                new CityGmlInspector().inspect(TestData.plateau()).summary();
        assertThat(all.adeNamespaces().stream().filter(ns -> ns.contains("/uro/")))
                .isNotEmpty()
                .allSatisfy(ns -> assertThat(registry.byUri(ns)).as(ns).isPresent());
    }
}
