package org.twincatalog.standards.citygml;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.twincatalog.standards.InvalidInputException;
import org.twincatalog.standards.UnsafeInputException;
import org.twincatalog.standards.UnsafeInputException.Reason;

/**
 * One forward-only StAX pass over a CityGML document. Memory is bounded by the element depth and
 * one coordinate token, whatever the file size. Not thread-safe: one instance per document.
 */
final class CityGmlScanner {
    static final int MAX_DEPTH = 512;
    static final int MAX_SRS_NAMES = 16;
    private static final String CITYGML_NS = "http://www.opengis.net/citygml/";
    private static final String RELIEF_NS = "http://www.opengis.net/citygml/relief/";
    private static final String XLINK_NS = "http://www.w3.org/1999/xlink";

    private final int[] dimensions = new int[MAX_DEPTH + 1];
    private final int[] lodOfProperty = new int[MAX_DEPTH + 1];
    private final CoordinateAccumulator coordinates = new CoordinateAccumulator();
    private final List<String> rootNamespaces = new ArrayList<>();
    private final List<String> srsNames = new ArrayList<>();
    private final SortedSet<Integer> lods = new TreeSet<>();
    private final SortedMap<String, Long> counts = new TreeMap<>();
    private final StringBuilder reliefLod = new StringBuilder();
    private String rootNamespace;
    private int depth;
    private int envelopeDimension;
    private boolean memberAtDepth2;
    private boolean boundedByAtDepth2;
    private int coordinateDepth = -1;
    private boolean inReliefLod;

    /** Scans {@code in}; {@code name} only labels error messages. */
    static ScanResult scan(InputStream in, String name) {
        return new CityGmlScanner().run(in, name);
    }

    private ScanResult run(InputStream in, String name) {
        XMLStreamReader r = null;
        try {
            r = SafeXml.reader(in);
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.DTD ->
                        throw new UnsafeInputException(
                                Reason.XML_DOCTYPE,
                                name
                                        + ": XML DOCTYPE declarations are refused (external entities and entity expansion are not allowed)");
                    case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new UnsafeInputException(
                                Reason.XML_DOCTYPE, name + ": entity reference &" + r.getLocalName() + "; refused");
                    case XMLStreamConstants.START_ELEMENT -> startElement(r, name);
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> characters(r);
                    case XMLStreamConstants.END_ELEMENT -> endElement();
                    default -> {}
                }
            }
        } catch (XMLStreamException e) {
            throw new InvalidInputException(name + ": not well-formed XML: " + e.getMessage(), e);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name + ": bad coordinate: " + e.getMessage(), e);
        } finally {
            close(r);
        }
        if (rootNamespace == null) {
            throw new InvalidInputException(name + ": empty document");
        }
        double[] box = coordinates.isEmpty() ? null : coordinates.box.clone();
        return new ScanResult(rootNamespace, rootNamespaces, srsNames, box, lods, counts, coordinates.tuples());
    }

    private void startElement(XMLStreamReader r, String name) {
        depth++;
        if (depth > MAX_DEPTH) {
            throw new UnsafeInputException(Reason.XML_TOO_DEEP, name + ": elements nested deeper than " + MAX_DEPTH);
        }
        String ns = r.getNamespaceURI();
        String local = r.getLocalName();
        if (depth == 1) {
            root(r, name, ns, local);
        }
        String srsName = r.getAttributeValue(null, "srsName");
        if (srsName != null && !srsNames.contains(srsName) && srsNames.size() < MAX_SRS_NAMES) {
            srsNames.add(srsName);
        }
        String dim = r.getAttributeValue(null, "srsDimension");
        dimensions[depth] = dim != null ? Integer.parseInt(dim.strip()) : dimensions[depth - 1];
        if (depth == 2) {
            memberAtDepth2 = local.equals("cityObjectMember") || local.equals("featureMember");
            boundedByAtDepth2 = local.equals("boundedBy");
        } else if (depth == 3 && memberAtDepth2) {
            counts.merge(
                    r.getPrefix() == null || r.getPrefix().isEmpty() ? local : r.getPrefix() + ":" + local,
                    1L,
                    Long::sum);
        } else if (depth == 3 && boundedByAtDepth2 && local.equals("Envelope") && envelopeDimension == 0) {
            envelopeDimension = dimensions[depth];
        }
        lodOfProperty[depth] = lodOfPropertyName(local);
        if (lodOfProperty[depth] >= 0 && r.getAttributeValue(XLINK_NS, "href") != null) {
            lods.add(lodOfProperty[depth]);
        }
        if (isGml(ns)) {
            if (lodOfProperty[depth - 1] >= 0) {
                lods.add(lodOfProperty[depth - 1]);
            }
            if (local.equals("posList") || local.equals("pos") || local.equals("coordinates")) {
                int d = dimensions[depth] > 0 ? dimensions[depth] : envelopeDimension > 0 ? envelopeDimension : 3;
                coordinates.start(d, local.equals("coordinates"));
                coordinateDepth = depth;
            }
        } else if (local.equals("lod") && ns.startsWith(RELIEF_NS)) {
            inReliefLod = true;
            reliefLod.setLength(0);
        }
    }

    private void root(XMLStreamReader r, String name, String ns, String local) {
        if (!local.equals("CityModel") || ns == null || !ns.startsWith(CITYGML_NS)) {
            throw new InvalidInputException(name + ": not a CityGML document (root element {" + ns + "}" + local + ")");
        }
        rootNamespace = ns;
        for (int i = 0; i < r.getNamespaceCount(); i++) {
            rootNamespaces.add(r.getNamespaceURI(i));
        }
    }

    private void characters(XMLStreamReader r) {
        if (coordinateDepth == depth) {
            coordinates.feed(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
        } else if (inReliefLod && reliefLod.length() < 8) {
            reliefLod.append(r.getTextCharacters(), r.getTextStart(), Math.min(8, r.getTextLength()));
        }
    }

    private void endElement() {
        if (coordinateDepth == depth) {
            coordinates.end();
            coordinateDepth = -1;
        }
        if (inReliefLod) {
            inReliefLod = false;
            String value = reliefLod.toString().strip();
            if (value.matches("[0-4]")) {
                lods.add(Integer.parseInt(value));
            }
        }
        depth--;
    }

    /** N for a property named lodN followed by an upper-case letter (lod2MultiSurface), else -1. */
    private static int lodOfPropertyName(String local) {
        if (local.length() > 4 && local.startsWith("lod") && Character.isUpperCase(local.charAt(4))) {
            char n = local.charAt(3);
            if (n >= '0' && n <= '4') {
                return n - '0';
            }
        }
        return -1;
    }

    private static boolean isGml(String ns) {
        return "http://www.opengis.net/gml".equals(ns) || "http://www.opengis.net/gml/3.2".equals(ns);
    }

    private static void close(XMLStreamReader r) {
        if (r != null) {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // nothing to release beyond the stream, which the caller closes
            }
        }
    }
}
