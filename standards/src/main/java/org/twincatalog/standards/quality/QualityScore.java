package org.twincatalog.standards.quality;

import java.time.Instant;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;

/**
 * A dataset's quality in DQV terms.
 *
 * @param dataset the dataset IRI the measurements are computed on
 * @param completeness share 0..1 of the profile's required and recommended dataset properties filled
 * @param missing the property paths (IRIs, or SPARQL paths) that are not filled
 * @param conforms true when the profile finds no violation
 * @param violations number of profile violations
 * @param warnings number of profile warnings
 * @param linkHealth share 0..1 of working links as measured elsewhere, or null when unknown
 * @param score the weighted overall score 0..100 (see {@link QualityScorer})
 * @param measurements the values above as DQV measurements
 * @param computedAt when the measurements were made
 */
public record QualityScore(
        String dataset,
        double completeness,
        List<String> missing,
        boolean conforms,
        int violations,
        int warnings,
        Double linkHealth,
        double score,
        List<QualityMeasurement> measurements,
        Instant computedAt) {

    static final String DQV = "http://www.w3.org/ns/dqv#";
    static final String PROV = "http://www.w3.org/ns/prov#";

    public QualityScore {
        missing = List.copyOf(missing);
        measurements = List.copyOf(measurements);
    }

    /**
     * Adds the measurements to {@code model}: {@code <dataset> dqv:hasQualityMeasurement [ a
     * dqv:QualityMeasurement ; dqv:computedOn <dataset> ; dqv:isMeasurementOf <metric> ; dqv:value
     * v ; prov:generatedAtTime t ]}, one node per measurement. Returns {@code model}.
     */
    public Model addTo(Model model) {
        Resource ds = model.createResource(dataset);
        for (QualityMeasurement m : measurements) {
            Resource node = model.createResource()
                    .addProperty(RDF.type, model.createResource(DQV + "QualityMeasurement"))
                    .addProperty(model.createProperty(DQV, "computedOn"), ds)
                    .addProperty(model.createProperty(DQV, "isMeasurementOf"), model.createResource(m.metric()))
                    .addLiteral(model.createProperty(DQV, "value"), m.value())
                    .addLiteral(
                            model.createProperty(PROV, "generatedAtTime"),
                            model.createTypedLiteral(computedAt.toString(), XSDDatatype.XSDdateTime));
            ds.addProperty(model.createProperty(DQV, "hasQualityMeasurement"), node);
        }
        model.setNsPrefix("dqv", DQV);
        return model;
    }

    /** The measurements as a model of their own. */
    public Model toModel() {
        return addTo(ModelFactory.createDefaultModel());
    }
}
