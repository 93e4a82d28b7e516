package org.twincatalog.catalog.ontology;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;
import java.util.List;
import org.twincatalog.api.v1.OntologyApi;
import org.twincatalog.catalog.NotFound;
import org.twincatalog.ontology.Ontology;
import org.twincatalog.ontology.Tc;

/**
 * Serves the twin-catalog ontology ({@code /ns/tc}) and its concept schemes and concepts ({@code
 * /id/<scheme>}, {@code /id/<scheme>/<code>}), so the concept URIs the DCAT export links to resolve
 * on a node. Turtle is the default (also for {@code * / *}); JSON-LD and RDF/XML by Accept.
 */
@jakarta.ws.rs.Path("")
public class OntologyResource implements OntologyApi {
    /** The ontology's own IRI: the term namespace without its '#'. */
    static final String ONTOLOGY = Tc.NS.substring(0, Tc.NS.length() - 1);

    private static final List<Variant> VARIANTS = Variant.mediaTypes(
                    MediaType.valueOf("text/turtle"),
                    MediaType.valueOf("application/ld+json"),
                    MediaType.valueOf("application/rdf+xml"))
            .build();

    private final Ontology ontology = Ontology.bundled();

    @Context
    Request request;

    @Override
    public Response getOntology() {
        return describe(ONTOLOGY, "The ontology");
    }

    @Override
    public Response getConceptScheme(String scheme) {
        if (ontology.scheme(scheme).isEmpty()) {
            throw new NotFound("No concept scheme '" + scheme + "'");
        }
        return describe(Tc.scheme(scheme), "The concept scheme '" + scheme + "'");
    }

    @Override
    public Response getConcept(String scheme, String code) {
        if (ontology.concept(scheme, code).isEmpty()) {
            throw new NotFound("No concept '" + code + "' in scheme '" + scheme + "'");
        }
        return describe(Tc.concept(scheme, code), "The concept '" + scheme + "/" + code + "'");
    }

    private Response describe(String uri, String what) {
        Variant chosen = request.selectVariant(VARIANTS);
        if (chosen == null) {
            throw new jakarta.ws.rs.NotAcceptableException();
        }
        String type =
                chosen.getMediaType().getType() + "/" + chosen.getMediaType().getSubtype();
        String body = ontology.serialize(uri, type).orElseThrow(() -> new NotFound(what + " is not bundled"));
        return Response.ok(body, type + ";charset=UTF-8").build();
    }
}
