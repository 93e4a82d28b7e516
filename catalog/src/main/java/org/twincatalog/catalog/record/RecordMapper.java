package org.twincatalog.catalog.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Maps between generated API models and stored records. The stored document holds only the
 * content a publisher wrote; the server-managed fields (id, status, version, times) come from
 * the record's columns and are put back on the way out.
 */
public final class RecordMapper {
    private static final List<String> SERVER_FIELDS = List.of("id", "status", "recordVersion", "created", "modified");
    private static final ObjectMapper TREE = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
            .build();

    private RecordMapper() {}

    /** The canonical document of a model, without its server-managed fields. */
    public static String toDocument(Object model) {
        ObjectNode tree = TREE.valueToTree(model);
        tree.remove(SERVER_FIELDS);
        // Through a map, so that the canonical writer sorts keys at every depth.
        return DocumentCodec.write(TREE.convertValue(tree, java.util.Map.class));
    }

    /**
     * A language map of a stored record (its {@code title}, an organization's {@code name}), for
     * messages; empty when it has none.
     */
    public static java.util.Map<String, String> texts(RecordEntity record, String field) {
        try {
            com.fasterxml.jackson.databind.JsonNode texts =
                    PlainText.cleanTree(TREE.readTree(record.document)).get(field);
            java.util.Map<String, String> found = new java.util.LinkedHashMap<>();
            if (texts != null && texts.isObject()) {
                texts.properties().forEach(e -> {
                    if (e.getValue().isTextual()) {
                        found.put(e.getKey(), e.getValue().textValue());
                    }
                });
            }
            return found;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return java.util.Map.of();
        }
    }

    /** A model as the JSON tree the contract describes (for checks over every field). */
    static com.fasterxml.jackson.databind.JsonNode tree(Object model) {
        return TREE.valueToTree(model);
    }

    /**
     * Where a stored record was registered, if it is a mirror harvested from another node; null
     * for a record registered here (and for organizations, which are mirrored under their own id).
     */
    public static org.twincatalog.api.v1.model.RecordOrigin origin(RecordEntity record) {
        try {
            com.fasterxml.jackson.databind.JsonNode origin =
                    PlainText.cleanTree(TREE.readTree(record.document)).get("origin");
            return origin == null || origin.isNull()
                    ? null
                    : TREE.treeToValue(origin, org.twincatalog.api.v1.model.RecordOrigin.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored " + record.recordType + " '" + record.id + "' is unreadable", e);
        }
    }

    /** The model of a stored record, server-managed fields filled from its columns. */
    public static <T> T toModel(RecordEntity record, Class<T> type) {
        try {
            // Text stored before it was checked on the way in must not break any output.
            ObjectNode tree = (ObjectNode) PlainText.cleanTree(TREE.readTree(record.document));
            tree.put("id", record.id);
            tree.put("status", record.status);
            tree.put("recordVersion", record.recordVersion);
            tree.put("created", record.createdAt.atOffset(ZoneOffset.UTC).toString());
            tree.put("modified", record.modifiedAt.atOffset(ZoneOffset.UTC).toString());
            // a mirror was last changed when its origin was, not when it was harvested
            com.fasterxml.jackson.databind.JsonNode originModified =
                    tree.path("origin").get("modified");
            if (originModified != null && originModified.isTextual()) {
                tree.put("modified", originModified.asText());
            }
            return TREE.treeToValue(tree, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored " + record.recordType + " '" + record.id + "' is unreadable", e);
        }
    }
}
