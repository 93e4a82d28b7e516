package org.twincatalog.catalog.dcat;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.twincatalog.api.v1.model.ContactPoint;
import org.twincatalog.ontology.Tc;

/** Typed RDF terms the DCAT-AP export is made of: linked resources typed as DCAT-AP requires, labelled concepts, literals. */
final class RdfTerms {
    static final String FOAF = "http://xmlns.com/foaf/0.1/";

    private RdfTerms() {}

    static void contactPoint(Model model, Resource subject, ContactPoint cp) {
        if (cp == null) {
            return;
        }
        Resource kind = model.createResource().addProperty(RDF.type, Vocab.Kind);
        if (cp.getName() != null) {
            kind.addProperty(Vocab.fn, cp.getName());
        }
        if (cp.getEmail() != null) {
            kind.addProperty(Vocab.hasEmail, model.createResource("mailto:" + cp.getEmail()));
        }
        if (cp.getUrl() != null) {
            kind.addProperty(Vocab.hasURL, model.createResource(cp.getUrl().toString()));
        }
        if (cp.getTelephone() != null) {
            kind.addProperty(
                    Vocab.hasTelephone,
                    model.createResource("tel:" + cp.getTelephone().replace(" ", "")));
        }
        subject.addProperty(DCAT.contactPoint, kind);
    }

    static Resource accessRights(Model model, String code) {
        String eu =
                switch (code) {
                    case "public" -> "PUBLIC";
                    case "restricted" -> "RESTRICTED";
                    default -> "NON_PUBLIC";
                };
        return typed(model, URI.create(Vocab.EU_ACCESS_RIGHT + eu), DCTerms.RightsStatement.getURI());
    }

    static Resource concept(Model model, String scheme, String code) {
        return labelledConcept(model, URI.create(Tc.concept(scheme, code)));
    }

    /** A skos:Concept with its prefLabels (DCAT-AP requires one); an unknown one is labelled by its code. */
    static Resource labelledConcept(Model model, URI uri) {
        Resource concept = typed(model, uri, SKOS.Concept.getURI());
        Map<String, String> labels = ConceptLabels.of(uri.toString());
        if (labels.isEmpty()) {
            String path = uri.getPath() == null ? uri.toString() : uri.getPath();
            concept.addProperty(SKOS.prefLabel, path.substring(path.lastIndexOf('/') + 1));
        } else {
            labels.forEach((lang, label) -> concept.addProperty(SKOS.prefLabel, label, lang));
        }
        return concept;
    }

    /** A URL value; DCAT-AP types them rdfs:Resource. */
    static Resource url(Model model, URI uri) {
        return model.createResource(uri.toString()).addProperty(RDF.type, RDFS.Resource);
    }

    static Resource typed(Model model, URI uri, String type) {
        return model.createResource(uri.toString()).addProperty(RDF.type, model.createResource(type));
    }

    static void langMap(Resource subject, Property property, Map<String, String> texts) {
        if (texts != null) {
            texts.forEach((lang, text) -> subject.addProperty(property, text, lang));
        }
    }

    static void keywords(Resource subject, Map<String, List<String>> keywords) {
        if (keywords != null) {
            keywords.forEach((lang, words) -> each(words, w -> subject.addProperty(DCAT.keyword, w, lang)));
        }
    }

    static Literal date(Model model, String isoDate) {
        return model.createTypedLiteral(isoDate, XSDDatatype.XSDdate);
    }

    static Literal dateTime(Model model, OffsetDateTime time) {
        return model.createTypedLiteral(time.toString(), XSDDatatype.XSDdateTime);
    }

    static Literal integer(Model model, Integer value) {
        return model.createTypedLiteral(value.toString(), XSDDatatype.XSDinteger);
    }

    static <T> void each(List<T> values, java.util.function.Consumer<T> action) {
        if (values != null) {
            values.forEach(action);
        }
    }
}
