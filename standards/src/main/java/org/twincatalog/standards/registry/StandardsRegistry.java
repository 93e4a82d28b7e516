package org.twincatalog.standards.registry;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.twincatalog.standards.citygml.InspectionSummary;

/**
 * The standards a distribution or data service can declare in {@code dct:conformsTo}, bundled as
 * {@code registry/standards.json}. Immutable and thread-safe. To add a standard, add an entry to
 * that file (ids and URIs must stay unique; the test checks it).
 */
public final class StandardsRegistry {
    /** Classpath location of the bundled list. */
    public static final String RESOURCE = "registry/standards.json";

    private static final StandardsRegistry BUNDLED = load(RESOURCE);

    private final List<Standard> standards;
    private final Map<String, Standard> byId = new LinkedHashMap<>();
    private final Map<String, Standard> byUri = new LinkedHashMap<>();

    StandardsRegistry(List<Standard> standards) {
        this.standards = List.copyOf(standards);
        for (Standard s : standards) {
            if (byId.put(s.id(), s) != null || byUri.put(s.uri(), s) != null) {
                throw new IllegalStateException("Duplicate standard id or URI: " + s.id());
            }
        }
    }

    /** The bundled registry. */
    public static StandardsRegistry bundled() {
        return BUNDLED;
    }

    /** All standards, in file order. */
    public List<Standard> list() {
        return standards;
    }

    /** Standards of one kind (e.g. {@code api}). */
    public List<Standard> list(String kind) {
        return standards.stream().filter(s -> s.kind().equals(kind)).toList();
    }

    public Optional<Standard> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Looks up by conformsTo URI, or by the XML namespace data carries. */
    public Optional<Standard> byUri(String uri) {
        return Optional.ofNullable(byUri.get(uri)).or(() -> standards.stream()
                .filter(s -> uri.equals(s.namespace()))
                .findFirst());
    }

    /**
     * The standards an inspected CityGML package conforms to: its CityGML versions and i-UR
     * versions, for pre-filling {@code dct:conformsTo}. Versions not in the registry are left out.
     */
    public List<Standard> declaredBy(InspectionSummary summary) {
        List<Standard> result = new ArrayList<>();
        summary.citygmlVersions().forEach(v -> byId("citygml-" + v).ifPresent(result::add));
        summary.iurVersions().forEach(v -> byId("iur-" + v).ifPresent(result::add));
        return result;
    }

    static StandardsRegistry load(String resource) {
        ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = StandardsRegistry.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing bundled resource " + resource);
            }
            JsonNode root = mapper.readTree(in);
            List<Standard> list = new ArrayList<>();
            for (JsonNode n : root.get("standards")) {
                list.add(mapper.treeToValue(n, Standard.class));
            }
            return new StandardsRegistry(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
