package org.twincatalog.node.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.Severity;

/** The official DCAT-AP 3.0.0 SHACL shapes, read from {@code <tc.testdata.dir>/standards}. */
public final class DcatApShapes {
    private DcatApShapes() {}

    /** Fails listing every sh:Violation the shapes find in {@code turtle}. */
    public static void assertConforms(String turtle) {
        Model data = ModelFactory.createDefaultModel();
        RDFParser.create().source(new StringReader(turtle)).lang(Lang.TURTLE).parse(data);
        assertConforms(data.getGraph());
    }

    /** Fails listing every sh:Violation the shapes find in {@code data}. */
    public static void assertConforms(Graph data) {
        Path file = TestData.resolve("standards/dcat-ap-3.0.0/dcat-ap-SHACL.ttl");
        Shapes shapes = Shapes.parse(RDFDataMgr.loadGraph(file.toString()));
        ValidationReport report = ShaclValidator.get().validate(shapes, data);
        String violations = report.getEntries().stream()
                .filter(e -> e.severity() == Severity.Violation)
                .map(e -> e.focusNode() + " " + e.resultPath() + " " + e.message())
                .collect(Collectors.joining("\n"));
        assertThat(violations).as("DCAT-AP 3.0.0 violations").isEmpty();
    }
}
