package org.twincatalog.standards.profile;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sys.JenaSystem;
import org.twincatalog.ontology.Ontology;

/**
 * Validates catalogue RDF (DCAT-AP with the twin extension) against the twin-catalog SHACL profile
 * {@code shapes/twin-catalog-profile.ttl}.
 *
 * <p>The data graph is read, never modified: validation runs on a read-only union of the data and
 * the bundled concept schemes, so concept-valued properties can be checked against their scheme.
 * Thread-safe; build once and reuse.
 */
public final class ProfileValidator {
    /** Classpath location of the profile. */
    public static final String PROFILE = "shapes/twin-catalog-profile.ttl";

    private final Shapes shapes;
    private final Graph concepts;

    /** The validator for the bundled profile and ontology. */
    public ProfileValidator() {
        this(Ontology.bundled());
    }

    public ProfileValidator(Ontology ontology) {
        JenaSystem.init();
        this.shapes = Shapes.parse(RDFDataMgr.loadGraph(PROFILE));
        this.concepts = ontology.model().getGraph();
    }

    /** The profile's shapes graph as a model copy, e.g. to publish it. */
    public static Model profile() {
        JenaSystem.init();
        return RDFDataMgr.loadModel(PROFILE);
    }

    /** Validates every dcat:Dataset, dcat:Distribution and linked node in {@code data}. */
    public ValidationReport validate(Model data) {
        Graph union = new Union(data.getGraph(), concepts);
        org.apache.jena.shacl.ValidationReport report = ShaclValidator.get().validate(shapes, union);
        Anchors anchors = new Anchors(data);
        List<Finding> findings = new ArrayList<>();
        for (ReportEntry e : report.getEntries()) {
            findings.add(anchors.finding(
                    severity(e),
                    data.asRDFNode(e.focusNode()),
                    path(e),
                    e.value() == null ? null : Anchors.label(data.asRDFNode(e.value())),
                    e.message()));
        }
        findings.addAll(BboxRule.check(data, anchors));
        return new ValidationReport(findings);
    }

    /** Parses RDF text in a syntax Jena knows by media type, then validates it. */
    public ValidationReport validate(String rdf, String mediaType) {
        Model m = ModelFactory.createDefaultModel();
        RDFDataMgr.read(m, new java.io.StringReader(rdf), null, Ontology.langOf(mediaType));
        return validate(m);
    }

    private static Severity severity(ReportEntry e) {
        String uri = e.severity().level().getURI();
        if (uri.endsWith("Violation")) {
            return Severity.VIOLATION;
        }
        return uri.endsWith("Warning") ? Severity.WARNING : Severity.INFO;
    }

    private static String path(ReportEntry e) {
        if (e.resultPath() == null) {
            return null;
        }
        if (e.resultPath() instanceof P_Link link) {
            return link.getNode().getURI();
        }
        return e.resultPath().toString();
    }
}
