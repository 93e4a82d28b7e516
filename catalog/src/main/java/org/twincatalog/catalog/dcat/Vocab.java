package org.twincatalog.catalog.dcat;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** Terms the DCAT-AP export uses that Jena's vocabulary classes do not define. */
final class Vocab {
    static final String SPDX = "http://spdx.org/rdf/terms#";
    static final String LOCN = "http://www.w3.org/ns/locn#";
    static final String GSP = "http://www.opengis.net/ont/geosparql#";
    static final String VCARD = "http://www.w3.org/2006/vcard/ns#";
    static final String ADMS = "http://www.w3.org/ns/adms#";
    static final String IANA_MEDIA_TYPES = "http://www.iana.org/assignments/media-types/";
    static final String EPSG_CRS = "http://www.opengis.net/def/crs/EPSG/0/";
    static final String EU_ACCESS_RIGHT = "http://publications.europa.eu/resource/authority/access-right/";

    static final Resource Checksum = resource(SPDX, "Checksum");
    static final Resource ChecksumAlgorithm = resource(SPDX, "ChecksumAlgorithm");
    static final Property checksum = property(SPDX, "checksum");
    static final Property algorithm = property(SPDX, "algorithm");
    static final Property checksumValue = property(SPDX, "checksumValue");
    static final Property geometry = property(LOCN, "geometry");
    static final Resource Geometry = resource(LOCN, "Geometry");
    static final Property asWKT = property(GSP, "asWKT");
    static final String wktLiteral = GSP + "wktLiteral";
    static final Resource Kind = resource(VCARD, "Kind");
    static final Property fn = property(VCARD, "fn");
    static final Property hasEmail = property(VCARD, "hasEmail");
    static final Property hasURL = property(VCARD, "hasURL");
    static final Property hasTelephone = property(VCARD, "hasTelephone");

    private Vocab() {}

    private static Resource resource(String ns, String local) {
        return ResourceFactory.createResource(ns + local);
    }

    private static Property property(String ns, String local) {
        return ResourceFactory.createProperty(ns + local);
    }
}
