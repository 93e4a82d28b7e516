package org.twincatalog.interop.ogc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * One OGC API's own API definition cut from the contract ({@code META-INF/openapi.yaml}): the
 * operations under its landing path, re-rooted at the landing page (its {@code servers} entry),
 * with the contract's components. OGC clients and the OGC test suites resolve {@code
 * /conformance}, {@code /collections} and so on against that server, as OGC API - Common expects
 * of {@code service-desc}.
 */
final class OgcApiDefinition {
    private static final String CONTRACT = "META-INF/openapi.yaml";

    private final JsonNode contract;

    private OgcApiDefinition(JsonNode contract) {
        this.contract = contract;
    }

    /** The contract on the class path. */
    static OgcApiDefinition fromClassPath() {
        try (InputStream in = OgcApiDefinition.class.getClassLoader().getResourceAsStream(CONTRACT)) {
            if (in == null) {
                throw new IllegalStateException(CONTRACT + " is not on the class path");
            }
            return new OgcApiDefinition(new YAMLMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The contract types {@code bbox} as one string (the generated server reads it whole and
     * parses it); OGC API - Features defines it as an array of 4 or 6 numbers, {@code style: form},
     * {@code explode: false}, which is the same comma-separated text on the wire. The definition
     * says it the OGC way, so that OGC clients and the conformance suite recognise it.
     */
    private static void presentBbox(JsonNode operation) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter instanceof ObjectNode p
                    && "bbox".equals(p.path("name").asText())
                    && "query".equals(p.path("in").asText())) {
                ObjectNode schema = p.putObject("schema");
                schema.put("type", "array").put("minItems", 4).put("maxItems", 6);
                schema.putObject("items").put("type", "number");
                p.put("style", "form").put("explode", false);
            }
        }
    }

    /**
     * The definition of the API whose landing page is at {@code landingPath} (such as {@code
     * /api/v1/ogc-records}), served from {@code landingUrl}.
     */
    ObjectNode forApi(String landingPath, String landingUrl, String title) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.set("openapi", contract.path("openapi"));
        ObjectNode info = doc.putObject("info");
        info.put("title", title);
        info.put("version", contract.path("info").path("version").asText("1.0.0"));
        info.set("license", contract.path("info").path("license"));
        doc.putArray("servers").addObject().put("url", landingUrl);
        ObjectNode paths = doc.putObject("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = contract.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            String key = path.getKey();
            if (key.equals(landingPath) || key.startsWith(landingPath + "/")) {
                String relative = key.substring(landingPath.length());
                JsonNode item = path.getValue().deepCopy();
                item.forEach(OgcApiDefinition::presentBbox);
                paths.set(relative.isEmpty() ? "/" : relative, item);
            }
        }
        doc.set("components", contract.path("components"));
        if (info.path("license").isMissingNode()) {
            info.remove("license");
        }
        return doc;
    }
}
