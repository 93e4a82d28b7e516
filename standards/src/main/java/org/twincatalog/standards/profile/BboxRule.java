package org.twincatalog.standards.profile;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCAT;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * The one profile rule SHACL Core cannot say: a dcat:bbox WKT polygon must parse and lie within
 * CRS84 range (-180..180, -90..90) with a non-empty extent.
 */
final class BboxRule {
    private static final String CRS84 = "<http://www.opengis.net/def/crs/OGC/1.3/CRS84>";

    private BboxRule() {}

    /** Findings for every dcat:bbox in {@code data}; each is a violation on the bbox's location node. */
    static List<Finding> check(Model data, Anchors anchors) {
        List<Finding> findings = new ArrayList<>();
        for (Statement st : data.listStatements(null, DCAT.bbox, (org.apache.jena.rdf.model.RDFNode) null)
                .toList()) {
            if (!st.getObject().isLiteral()) {
                continue; // the shapes report a non-literal bbox
            }
            String wkt = st.getLiteral().getLexicalForm().strip();
            String problem = problem(wkt);
            if (problem != null) {
                findings.add(anchors.finding(Severity.VIOLATION, st.getSubject(), DCAT.bbox.getURI(), wkt, problem));
            }
        }
        return findings;
    }

    /** What is wrong with a bbox WKT, or null when it is sane. */
    static String problem(String wkt) {
        String text = wkt.startsWith(CRS84) ? wkt.substring(CRS84.length()).strip() : wkt;
        Geometry g;
        try {
            g = new WKTReader().read(text);
        } catch (ParseException | IllegalArgumentException e) {
            return "The bbox is not valid WKT: " + e.getMessage();
        }
        Envelope env = g.getEnvelopeInternal();
        if (g.isEmpty() || env.getWidth() <= 0 || env.getHeight() <= 0) {
            return "The bbox is empty or has no width or height.";
        }
        if (env.getMinX() < -180 || env.getMaxX() > 180 || env.getMinY() < -90 || env.getMaxY() > 90) {
            return "The bbox is outside CRS84 range (lon -180..180, lat -90..90); is it in lat/lon order or a projected CRS? "
                    + env;
        }
        return null;
    }
}
