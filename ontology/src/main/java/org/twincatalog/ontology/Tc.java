package org.twincatalog.ontology;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The twin-catalog vocabulary: the digital-twin extension of DCAT 3 / GeoDCAT-AP.
 *
 * <p>Terms live under {@link #NS}; SKOS concepts (maturity stages, twin domains, feature types,
 * levels of detail, admin areas) live under {@link #ID}. The OWL definitions are in
 * {@code ontology/twin-catalog.ttl} on the classpath.
 */
public final class Tc {
    /** Namespace of classes and properties. */
    public static final String NS = "https://twin-catalog.org/ns/tc#";
    /** Base of concept and concept-scheme URIs. */
    public static final String ID = "https://twin-catalog.org/id/";

    public static final Resource SourceSystem = resource("SourceSystem");
    public static final Resource AdminArea = resource("AdminArea");

    /** Levels of detail present in a dataset or distribution (xsd:integer 0..4). */
    public static final Property levelOfDetail = property("levelOfDetail");
    /** A CityGML / PLATEAU feature type concept. */
    public static final Property featureType = property("featureType");
    /** The CRS of the source data (an OGC CRS URI). */
    public static final Property sourceCrs = property("sourceCrs");
    /** The twin domain concept. */
    public static final Property twinDomain = property("twinDomain");
    /** The twin maturity stage concept. */
    public static final Property maturityStage = property("maturityStage");
    /** The system the data comes from (a {@link #SourceSystem}). */
    public static final Property sourceSystem = property("sourceSystem");
    /** The kind of a source system (a concept). */
    public static final Property sourceSystemType = property("sourceSystemType");
    /** An administrative area code (a plain literal, e.g. "11680"). */
    public static final Property adminAreaCode = property("adminAreaCode");
    /** The kind of an organization (municipality, metropolitan, ministry, agency). */
    public static final Property organizationKind = property("organizationKind");

    private Tc() {}

    /** The concept URI for {@code code} in {@code scheme}, e.g. {@code maturity-stage/mirroring}. */
    public static String concept(String scheme, String code) {
        return ID + scheme + "/" + code;
    }

    /** The URI of an administrative area, e.g. {@code admin-area/KR/11680}. */
    public static String adminArea(String country, String code) {
        return ID + "admin-area/" + country + "/" + code;
    }

    private static Resource resource(String local) {
        return ResourceFactory.createResource(NS + local);
    }

    private static Property property(String local) {
        return ResourceFactory.createProperty(NS + local);
    }
}
