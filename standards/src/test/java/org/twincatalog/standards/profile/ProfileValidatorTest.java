package org.twincatalog.standards.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.junit.jupiter.api.Test;
import org.twincatalog.standards.TestData;

class ProfileValidatorTest {
    private final ProfileValidator validator = new ProfileValidator();

    @Test
    void validate_doesNotAddTheConceptSchemesToTheCallersModel() {
        Model data = RDFDataMgr.loadModel("profile/valid/tokyo-plateau-full.ttl");
        long before = data.size();

        validator.validate(data);

        assertThat(data.size()).isEqualTo(before);
    }

    @Test
    void validFullFixture_alsoConformsToTheOfficialDcatAp300Shapes() {
        Shapes dcatAp =
                Shapes.parse(RDFDataMgr.loadGraph(TestData.dcatApShapes().toString()));
        Model data = RDFDataMgr.loadModel("profile/valid/tokyo-plateau-full.ttl");

        var report = ShaclValidator.get().validate(dcatAp, data.getGraph());

        assertThat(report.getEntries().stream()
                        .filter(e -> e.severity().level().getURI().endsWith("Violation"))
                        .map(e -> e.focusNode() + " " + e.resultPath() + " " + e.message())
                        .toList())
                .isEmpty();
    }

    @Test
    void validate_turtleText_parsesByMediaType() {
        String ttl =
                """
                @prefix dcat: <http://www.w3.org/ns/dcat#> .
                <https://node.example/d> a dcat:Dataset .
                """;

        ValidationReport report = validator.validate(ttl, "text/turtle");

        assertThat(report.conforms()).isFalse();
        assertThat(report.violations())
                .extracting(Finding::path)
                .contains("http://purl.org/dc/terms/title", "http://purl.org/dc/terms/publisher");
    }

    @Test
    void profile_isPublishedAsShapes() {
        assertThat(ProfileValidator.profile().size()).isGreaterThan(100);
    }
}
