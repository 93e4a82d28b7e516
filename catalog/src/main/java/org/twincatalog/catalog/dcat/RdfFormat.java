package org.twincatalog.catalog.dcat;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Variant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.jena.riot.RDFFormat;

/** The RDF serializations a record or the catalog can be exported in. */
public enum RdfFormat {
    TURTLE("text/turtle", RDFFormat.TURTLE_PRETTY),
    JSON_LD("application/ld+json", RDFFormat.JSONLD11_PRETTY),
    RDF_XML("application/rdf+xml", RDFFormat.RDFXML_PRETTY);

    private final MediaType mediaType;
    private final RDFFormat jena;

    RdfFormat(String mediaType, RDFFormat jena) {
        this.mediaType = MediaType.valueOf(mediaType);
        this.jena = jena;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    public RDFFormat jena() {
        return jena;
    }

    /**
     * Negotiates with the request's Accept header: JSON (the default, also for {@code * / *})
     * answers empty, an RDF type answers its format.
     */
    public static Optional<RdfFormat> negotiate(Request request) {
        List<MediaType> offered = new java.util.ArrayList<>();
        offered.add(MediaType.APPLICATION_JSON_TYPE);
        Arrays.stream(values()).map(RdfFormat::mediaType).forEach(offered::add);
        Variant chosen = request.selectVariant(
                Variant.mediaTypes(offered.toArray(MediaType[]::new)).build());
        if (chosen == null) {
            return Optional.empty();
        }
        return Arrays.stream(values())
                .filter(f -> f.mediaType.isCompatible(chosen.getMediaType())
                        && !chosen.getMediaType().isWildcardType())
                .findFirst();
    }
}
