package org.twincatalog.interop.ckan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error CKAN's Action API answers in its own envelope, with CKAN's status and {@code __type}:
 * a Validation Error (409, messages by parameter), a Search Query Error (400, an invalid
 * {@code sort} or an unknown search parameter), a Search Error (409, a query that cannot be run)
 * or a Not Found Error (404).
 */
final class CkanError extends RuntimeException {
    private final int status;
    private final Map<String, Object> error;

    private CkanError(int status, Map<String, Object> error) {
        super(String.valueOf(error), null, false, false);
        this.status = status;
        this.error = error;
    }

    /** CKAN's ValidationError: {@code {"__type": "Validation Error", "<param>": ["<message>"]}}. */
    static CkanError validation(String parameter, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("__type", "Validation Error");
        error.put(parameter, List.of(message));
        return new CkanError(409, error);
    }

    /** CKAN's SearchQueryError, with CKAN's message ({@code Search Query is invalid: ('...',)}). */
    static CkanError searchQuery(String message) {
        return new CkanError(400, message("Search Query Error", "Search Query is invalid: " + pythonArgs(message)));
    }

    /** CKAN's SearchError, with CKAN's message ({@code Search error: ('...',)}). */
    static CkanError search(String message) {
        return new CkanError(409, message("Search Error", "Search error: " + pythonArgs(message)));
    }

    /** CKAN's NotFound: {@code Not found}, or {@code Not found: <detail>}. */
    static CkanError notFound(String detail) {
        return new CkanError(404, message("Not Found Error", detail == null ? "Not found" : "Not found: " + detail));
    }

    int status() {
        return status;
    }

    /** The envelope's {@code error} object. */
    Map<String, Object> error() {
        return error;
    }

    private static Map<String, Object> message(String type, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("__type", type);
        error.put("message", message);
        return error;
    }

    /** CKAN formats {@code e.args} with {@code %r}: a one-element Python tuple of a string. */
    private static String pythonArgs(String message) {
        String quote = message.contains("'") && !message.contains("\"") ? "\"" : "'";
        String body = quote.equals("'") ? message.replace("\\", "\\\\").replace("'", "\\'") : message;
        return "(" + quote + body + quote + ",)";
    }
}
