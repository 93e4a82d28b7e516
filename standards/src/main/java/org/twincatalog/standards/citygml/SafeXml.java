package org.twincatalog.standards.citygml;

import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A StAX factory hardened against hostile XML: no DTD processing, no external entities, no external
 * resolution, no entity replacement. The scanner additionally refuses any DOCTYPE it sees, so a file
 * with a DTD (external entity, billion laughs) is rejected instead of parsed without it.
 */
final class SafeXml {
    private static final XMLInputFactory FACTORY = create();

    private SafeXml() {}

    static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        return FACTORY.createXMLStreamReader(in);
    }

    private static XMLInputFactory create() {
        // The JDK's own implementation, whatever StAX providers are on the classpath.
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("External resources are not resolved: " + systemId);
        });
        return f;
    }
}
