package org.twincatalog.catalog.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Canonical JSON for stored documents: sorted keys, no nulls or empty containers, ISO dates. The
 * same content always gives the same bytes, so its SHA-256 is a stable content hash.
 */
public final class DocumentCodec {
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_EMPTY)
            .build();

    private DocumentCodec() {}

    /** The canonical JSON of a model object. */
    public static String write(Object model) {
        try {
            return CANONICAL.writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialize " + model.getClass().getSimpleName(), e);
        }
    }

    /** Reads a stored document back into its model class. */
    public static <T> T read(String document, Class<T> type) {
        try {
            return CANONICAL.readValue(document, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored document is not a valid " + type.getSimpleName(), e);
        }
    }

    /** A deep copy of a model object through its canonical JSON. */
    public static <T> T copy(T model, Class<T> type) {
        return read(write(model), type);
    }

    /** {@code sha256:<hex>} of a canonical document. */
    public static String hash(String document) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return "sha256:" + HexFormat.of().formatHex(digest.digest(document.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
