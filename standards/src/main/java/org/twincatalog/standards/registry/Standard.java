package org.twincatalog.standards.registry;

/**
 * A standard that data or a service can conform to.
 *
 * @param id stable short identifier, e.g. {@code citygml-2.0}
 * @param title the standard's title
 * @param version its version
 * @param kind one of {@code data-model}, {@code ade}, {@code encoding}, {@code tiles}, {@code api}, {@code metadata}
 * @param publisher who publishes it
 * @param uri the IRI to put in {@code dct:conformsTo}
 * @param namespace the XML namespace data in this standard uses, or null
 */
public record Standard(
        String id, String title, String version, String kind, String publisher, String uri, String namespace) {}
