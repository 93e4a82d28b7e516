package org.twincatalog.standards.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.twincatalog.ontology.Tc;
import org.twincatalog.standards.profile.ProfileValidator;

class QualityScorerTest {
    private static final String TOKYO = "https://node.example/api/v1/datasets/tokyo-plateau-2020";
    private static final String MINIMAL = "https://node.example/api/v1/datasets/minimal";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final QualityScorer scorer = new QualityScorer(new ProfileValidator(), CLOCK);

    @Test
    void expectedPaths_areTheProfilesRequiredAndRecommendedDatasetProperties() {
        // 5 required + 13 recommended, read from the profile file
        assertThat(scorer.expectedPaths()).hasSize(18).contains("<http://purl.org/dc/terms/title>");
    }

    @Test
    void score_completeTokyoFixtureWithAllLinksWorking_is100() {
        Model data = RDFDataMgr.loadModel("profile/valid/tokyo-plateau-full.ttl");

        QualityScore score = scorer.score(data, TOKYO, 1.0);

        assertThat(score.completeness()).isEqualTo(1.0);
        assertThat(score.missing()).isEmpty();
        assertThat(score.conforms()).isTrue();
        assertThat(score.score()).isEqualTo(100.0);
    }

    @Test
    void score_minimalFixture_countsMissingRecommendedProperties() {
        Model data = RDFDataMgr.loadModel("profile/valid/minimal-required-only.ttl");

        QualityScore score = scorer.score(data, MINIMAL, null);

        // 13 of 18 expected properties are missing; without link health the weights are 0.4/0.4
        assertThat(score.missing()).hasSize(13);
        assertThat(score.completeness()).isCloseTo(5.0 / 18, within(1e-9));
        assertThat(score.warnings()).isEqualTo(13);
        assertThat(score.score()).isCloseTo(Math.round(1000 * (0.4 * 5.0 / 18 + 0.4) / 0.8) / 10.0, within(1e-9));
        assertThat(score.measurements()).extracting(QualityMeasurement::metric).doesNotContain(Tc.linkHealth.getURI());
    }

    @Test
    void score_invalidFixture_doesNotConform() {
        Model data = RDFDataMgr.loadModel("profile/invalid/lod-out-of-range.ttl");

        QualityScore score = scorer.score(data, MINIMAL, 0.5);

        assertThat(score.conforms()).isFalse();
        assertThat(score.violations()).isEqualTo(1);
        assertThat(score.linkHealth()).isEqualTo(0.5);
    }

    @Test
    void addTo_writesDqvMeasurementsOnTheDataset() {
        Model data = RDFDataMgr.loadModel("profile/valid/tokyo-plateau-full.ttl");
        QualityScore score = scorer.score(data, TOKYO, 0.75);

        Model out = score.toModel();

        var measurementType = out.createResource("http://www.w3.org/ns/dqv#QualityMeasurement");
        assertThat(out.listSubjectsWithProperty(RDF.type, measurementType).toList())
                .hasSize(5);
        assertThat(out.listObjectsOfProperty(out.createProperty("http://www.w3.org/ns/dqv#isMeasurementOf"))
                        .mapWith(n -> n.asResource().getURI())
                        .toSet())
                .contains(Tc.metadataCompleteness.getURI(), Tc.linkHealth.getURI(), Tc.qualityScore.getURI());
        assertThat(out.contains(
                        out.createResource(TOKYO),
                        out.createProperty("http://www.w3.org/ns/dqv#hasQualityMeasurement")))
                .isTrue();
    }
}
