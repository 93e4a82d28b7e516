package org.twincatalog.access.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.twincatalog.access.AccessControlFailure;

/**
 * The canonical serialization and the hash of audit entries.
 *
 * <p>Canonical form: a JSON object, UTF-8, no whitespace, keys in lexicographic order, null fields
 * left out, {@code time} as ISO-8601 UTC ({@link DateTimeFormatter#ISO_INSTANT}). The hash of an
 * entry is the lower-case hex SHA-256 of the canonical form of all its fields except {@code hash}.
 */
public final class AuditChain {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditChain() {}

    public static String hash(long sequence, AuditEvent event, String previousHash) {
        return sha256(canonical(fields(sequence, event, previousHash)));
    }

    /** Builds the next entry after {@code previous} (null for the first one). */
    public static AuditEntry next(AuditEntry previous, AuditEvent event) {
        long sequence = previous == null ? 1 : previous.sequence() + 1;
        String previousHash = previous == null ? GENESIS : previous.hash();
        return new AuditEntry(sequence, event, previousHash, hash(sequence, event, previousHash));
    }

    /**
     * Checks that {@code entry} directly follows {@code previous} (null for an empty log).
     *
     * @throws AccessControlFailure.Conflict when it does not
     */
    public static void requireFollows(AuditEntry previous, AuditEntry entry) {
        long expected = previous == null ? 1 : previous.sequence() + 1;
        String expectedPrevious = previous == null ? GENESIS : previous.hash();
        if (entry.sequence() != expected || !entry.previousHash().equals(expectedPrevious)) {
            throw new AccessControlFailure.Conflict("audit entry " + entry.sequence()
                    + " does not follow the last entry (expected sequence " + expected + ")");
        }
    }

    /** The canonical JSON line of an entry, hash included (the export format). */
    public static String toJsonLine(AuditEntry entry) {
        Map<String, Object> fields = fields(entry.sequence(), entry.event(), entry.previousHash());
        fields.put("hash", entry.hash());
        return canonical(fields);
    }

    /** Reads back a line written by {@link #toJsonLine}; the hash is taken as written, not checked. */
    public static AuditEntry fromJsonLine(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            AuditEvent event = new AuditEvent(
                    Instant.parse(node.path("time").asText()),
                    text(node, "subject"),
                    text(node, "organization"),
                    text(node, "action"),
                    text(node, "resource"),
                    text(node, "resourceOwner"),
                    text(node, "purpose"),
                    text(node, "decision"),
                    text(node, "rule"),
                    text(node, "reason"));
            return new AuditEntry(
                    node.path("sequence").asLong(), event, text(node, "previousHash"), text(node, "hash"));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not an audit entry line: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Map<String, Object> fields(long sequence, AuditEvent event, String previousHash) {
        Map<String, Object> fields = new TreeMap<>();
        fields.put("sequence", sequence);
        fields.put("previousHash", previousHash);
        fields.put("time", DateTimeFormatter.ISO_INSTANT.format(event.time()));
        put(fields, "subject", event.subject());
        put(fields, "organization", event.organization());
        put(fields, "action", event.action());
        put(fields, "resource", event.resource());
        put(fields, "resourceOwner", event.resourceOwner());
        put(fields, "purpose", event.purpose());
        put(fields, "decision", event.decision());
        put(fields, "rule", event.rule());
        put(fields, "reason", event.reason());
        return fields;
    }

    private static void put(Map<String, Object> fields, String key, String value) {
        if (value != null) {
            fields.put(key, value);
        }
    }

    private static String canonical(Map<String, Object> sortedFields) {
        try {
            return JSON.writeValueAsString(sortedFields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize audit fields", e);
        }
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
