package org.twincatalog.standards.quality;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ResourceFactory;
import org.twincatalog.ontology.Tc;
import org.twincatalog.standards.profile.ProfileValidator;
import org.twincatalog.standards.profile.ValidationReport;

/**
 * Scores one dataset's metadata: completeness against the profile's required and recommended
 * dataset properties (read from the profile itself, so the two cannot drift), profile conformance,
 * and link health measured elsewhere.
 *
 * <p>Score = 100 x weighted mean of completeness (weight 0.4), conformance (0.4; 1 without
 * violations, else 0) and link health (0.2); without link health the other two share its weight.
 * Thread-safe.
 */
public final class QualityScorer {
    private static final double W_COMPLETENESS = 0.4;
    private static final double W_CONFORMANCE = 0.4;
    private static final double W_LINKS = 0.2;

    /** Paths of the dataset shape's property shapes with sh:minCount >= 1, as SPARQL path strings. */
    private static final String EXPECTED_PATHS =
            """
            PREFIX sh: <http://www.w3.org/ns/shacl#>
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            SELECT DISTINCT ?path ?first ?second WHERE {
              <https://twin-catalog.org/ns/profile#DatasetShape> sh:property ?ps .
              ?ps sh:minCount ?min ; sh:path ?path .
              FILTER(?min >= 1)
              OPTIONAL { ?path rdf:first ?first ; rdf:rest/rdf:first ?second }
            }""";

    private final ProfileValidator validator;
    private final List<String> expected;
    private final Clock clock;

    public QualityScorer(ProfileValidator validator) {
        this(validator, Clock.systemUTC());
    }

    public QualityScorer(ProfileValidator validator, Clock clock) {
        this.validator = validator;
        this.clock = clock;
        this.expected = expectedPaths(ProfileValidator.profile());
    }

    /**
     * Scores the dataset {@code datasetUri} in {@code data} (its graph: the dataset, distributions
     * and linked nodes).
     *
     * @param linkHealth share 0..1 of working links, or null when not measured
     */
    public QualityScore score(Model data, String datasetUri, Double linkHealth) {
        if (linkHealth != null && (linkHealth < 0 || linkHealth > 1)) {
            throw new IllegalArgumentException("linkHealth must be within 0..1: " + linkHealth);
        }
        List<String> missing = new ArrayList<>();
        for (String path : expected) {
            if (!has(data, datasetUri, path)) {
                missing.add(path);
            }
        }
        double completeness = expected.isEmpty() ? 1 : 1.0 - (double) missing.size() / expected.size();
        ValidationReport report = validator.validate(data);
        boolean conforms = report.conforms();
        double weighted = W_COMPLETENESS * completeness + W_CONFORMANCE * (conforms ? 1 : 0);
        double weights = W_COMPLETENESS + W_CONFORMANCE;
        if (linkHealth != null) {
            weighted += W_LINKS * linkHealth;
            weights += W_LINKS;
        }
        double score = Math.round(1000 * weighted / weights) / 10.0;
        List<QualityMeasurement> measurements = new ArrayList<>();
        measurements.add(new QualityMeasurement(
                Tc.metadataCompleteness.getURI(), ResourceFactory.createTypedLiteral(completeness)));
        measurements.add(
                new QualityMeasurement(Tc.profileConformance.getURI(), ResourceFactory.createTypedLiteral(conforms)));
        measurements.add(new QualityMeasurement(
                Tc.profileWarnings.getURI(),
                ResourceFactory.createTypedLiteral(
                        String.valueOf(report.warnings().size()),
                        org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)));
        if (linkHealth != null) {
            measurements.add(
                    new QualityMeasurement(Tc.linkHealth.getURI(), ResourceFactory.createTypedLiteral(linkHealth)));
        }
        measurements.add(new QualityMeasurement(Tc.qualityScore.getURI(), ResourceFactory.createTypedLiteral(score)));
        return new QualityScore(
                datasetUri,
                completeness,
                missing,
                conforms,
                report.violations().size(),
                report.warnings().size(),
                linkHealth,
                score,
                measurements,
                clock.instant());
    }

    /** The SPARQL paths the score checks, e.g. {@code <http://purl.org/dc/terms/title>}. */
    public List<String> expectedPaths() {
        return expected;
    }

    private static boolean has(Model data, String dataset, String path) {
        String ask = "ASK { <" + dataset + "> " + path + " ?o }";
        try (QueryExecution q = QueryExecution.model(data).query(ask).build()) {
            return q.execAsk();
        }
    }

    private static List<String> expectedPaths(Model profile) {
        List<String> paths = new ArrayList<>();
        try (QueryExecution q =
                QueryExecution.model(profile).query(EXPECTED_PATHS).build()) {
            q.execSelect().forEachRemaining((QuerySolution s) -> {
                if (s.get("path").isURIResource()) {
                    paths.add("<" + s.getResource("path").getURI() + ">");
                } else if (s.contains("first")) {
                    paths.add("<" + s.getResource("first").getURI() + ">/<"
                            + s.getResource("second").getURI() + ">");
                }
            });
        }
        return paths.stream().sorted().toList();
    }
}
