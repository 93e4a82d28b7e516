package org.twincatalog.catalog.dcat;

import static org.twincatalog.catalog.dcat.RdfTerms.each;

import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.twincatalog.api.v1.model.Organization;
import org.twincatalog.api.v1.model.Spatial;
import org.twincatalog.ontology.Tc;

/** GeoDCAT-AP spatial coverage: admin areas as typed locations, the bbox and geometry as WKT. */
final class SpatialTerms {
    private SpatialTerms() {}

    static void spatial(Model model, Resource subject, Spatial spatial, Organization publisher) {
        if (spatial == null) {
            return;
        }
        String country = publisher != null && publisher.getCountry() != null ? publisher.getCountry() : "KR";
        each(
                spatial.getAdminAreas(),
                code -> subject.addProperty(
                        DCTerms.spatial,
                        model.createResource(Tc.adminArea(country, code))
                                .addProperty(RDF.type, DCTerms.Location)
                                .addProperty(RDF.type, Tc.AdminArea)
                                .addProperty(Tc.adminAreaCode, code)));
        List<Double> bbox = spatial.getBbox();
        boolean hasBbox = bbox != null && bbox.size() == 4;
        if (hasBbox || spatial.getGeometry() != null) {
            Resource location = model.createResource().addProperty(RDF.type, DCTerms.Location);
            if (hasBbox) {
                location.addProperty(DCAT.bbox, model.createTypedLiteral(bboxWkt(bbox), Vocab.wktLiteral));
            }
            if (spatial.getGeometry() != null) {
                location.addProperty(
                        Vocab.geometry,
                        model.createResource()
                                .addProperty(RDF.type, Vocab.Geometry)
                                .addProperty(
                                        Vocab.asWKT,
                                        model.createTypedLiteral(spatial.getGeometry(), Vocab.wktLiteral)));
            }
            subject.addProperty(DCTerms.spatial, location);
        }
    }

    static String bboxWkt(List<Double> b) {
        double minX = b.get(0), minY = b.get(1), maxX = b.get(2), maxY = b.get(3);
        return String.format(
                java.util.Locale.ROOT,
                "POLYGON((%s %s, %s %s, %s %s, %s %s, %s %s))",
                minX,
                minY,
                maxX,
                minY,
                maxX,
                maxY,
                minX,
                maxY,
                minX,
                minY);
    }
}
