package org.twincatalog.catalog.dcat;

import static org.twincatalog.catalog.dcat.RdfTerms.FOAF;
import static org.twincatalog.catalog.dcat.RdfTerms.concept;
import static org.twincatalog.catalog.dcat.RdfTerms.each;
import static org.twincatalog.catalog.dcat.RdfTerms.integer;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.twincatalog.api.v1.model.TwinProfile;
import org.twincatalog.ontology.Tc;

/** The twin-catalog extension: levels of detail, feature types, source CRS, domain, maturity stage, source system. */
final class TwinTerms {
    private TwinTerms() {}

    static void twin(Model model, Resource ds, TwinProfile twin) {
        if (twin == null) {
            return;
        }
        each(twin.getLevelsOfDetail(), lod -> ds.addLiteral(Tc.levelOfDetail, integer(model, lod)));
        each(twin.getFeatureTypes(), f -> ds.addProperty(Tc.featureType, concept(model, "feature-type", f)));
        if (twin.getSourceCrs() != null) {
            ds.addProperty(
                    Tc.sourceCrs,
                    model.createResource(Vocab.EPSG_CRS + twin.getSourceCrs().substring("EPSG:".length())));
        }
        if (twin.getDomain() != null) {
            ds.addProperty(Tc.twinDomain, concept(model, "twin-domain", twin.getDomain()));
        }
        if (twin.getMaturityStage() != null) {
            ds.addProperty(
                    Tc.maturityStage,
                    concept(model, "maturity-stage", twin.getMaturityStage().toString()));
        }
        if (twin.getSourceSystem() != null) {
            Resource system = model.createResource()
                    .addProperty(RDF.type, Tc.SourceSystem)
                    .addProperty(
                            Tc.sourceSystemType,
                            concept(
                                    model,
                                    "source-system-type",
                                    twin.getSourceSystem().getType().toString()));
            if (twin.getSourceSystem().getName() != null) {
                system.addProperty(
                        model.createProperty(FOAF + "name"),
                        twin.getSourceSystem().getName());
            }
            if (twin.getSourceSystem().getUrl() != null) {
                system.addProperty(
                        model.createProperty(FOAF + "homepage"),
                        model.createResource(twin.getSourceSystem().getUrl().toString()));
            }
            ds.addProperty(Tc.sourceSystem, system);
        }
    }
}
