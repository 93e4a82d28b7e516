package org.twincatalog.ontology;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The twin-catalog vocabulary: the digital-twin extension of DCAT 3 / GeoDCAT-AP.
 *
 * <p>Terms live under {@link #NS}; SKOS concepts (maturity stages, twin domains, feature types,
 * levels of detail, admin areas) live under {@link #ID}. The OWL definitions are in
 * {@code ontology/twin-catalog.ttl} on the classpath; {@link Ontology} loads them.
 */
public final class Tc {
    /** Namespace of classes and properties. */
    public static final String NS = "https://twin-catalog.org/ns/tc#";
    /** Base of concept and concept-scheme URIs. */
    public static final String ID = "https://twin-catalog.org/id/";

    public static final Resource SourceSystem = resource("SourceSystem");
    public static final Resource AdminArea = resource("AdminArea");
    /** An application a dataset is used in (a prov:Activity). */
    public static final Resource UseCase = resource("UseCase");
    /** Classes of the concepts of each scheme (all are skos:Concept). */
    public static final Resource MaturityStage = resource("MaturityStage");

    public static final Resource TwinDomain = resource("TwinDomain");
    public static final Resource FeatureType = resource("FeatureType");
    public static final Resource LevelOfDetail = resource("LevelOfDetail");
    public static final Resource SmartCityService = resource("SmartCityService");
    public static final Resource SourceSystemType = resource("SourceSystemType");
    public static final Resource OrganizationKind = resource("OrganizationKind");

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
    /** A use case of the dataset (a {@link #UseCase}). */
    public static final Property useCase = property("useCase");
    /** A smart-city service field concept (sub-property of dcat:theme). */
    public static final Property smartCityService = property("smartCityService");
    /** A JIS X 0410 mesh code a distribution covers (plain literal, e.g. "53394525"). */
    public static final Property meshCode = property("meshCode");
    /** The namespace URI of a CityGML ADE used by the data. */
    public static final Property adeNamespace = property("adeNamespace");

    /** DQV metrics of the catalogue's quality score. */
    public static final Resource metadataCompleteness = resource("metadataCompleteness");

    public static final Resource profileConformance = resource("profileConformance");
    public static final Resource profileWarnings = resource("profileWarnings");
    public static final Resource linkHealth = resource("linkHealth");
    public static final Resource qualityScore = resource("qualityScore");

    /** Concept scheme identifiers: the {@code <scheme>} segment of {@link #concept(String, String)}. */
    public static final String SCHEME_MATURITY_STAGE = "maturity-stage";

    public static final String SCHEME_TWIN_DOMAIN = "twin-domain";
    public static final String SCHEME_FEATURE_TYPE = "feature-type";
    public static final String SCHEME_LOD = "lod";
    public static final String SCHEME_SMART_CITY_SERVICE = "smart-city-service";
    public static final String SCHEME_SOURCE_SYSTEM_TYPE = "source-system-type";
    public static final String SCHEME_ORGANIZATION_KIND = "organization-kind";

    private Tc() {}

    /** The concept URI for {@code code} in {@code scheme}, e.g. {@code maturity-stage/mirroring}. */
    public static String concept(String scheme, String code) {
        return ID + scheme + "/" + code;
    }

    /** The URI of an administrative area, e.g. {@code admin-area/KR/11680}. */
    public static String adminArea(String country, String code) {
        return ID + "admin-area/" + country + "/" + code;
    }

    /** The URI of a concept scheme, e.g. {@code https://twin-catalog.org/id/maturity-stage}. */
    public static String scheme(String scheme) {
        return ID + scheme;
    }

    private static Resource resource(String local) {
        return ResourceFactory.createResource(NS + local);
    }

    private static Property property(String local) {
        return ResourceFactory.createProperty(NS + local);
    }
}
