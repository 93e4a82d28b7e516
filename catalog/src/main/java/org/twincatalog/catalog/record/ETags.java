package org.twincatalog.catalog.record;

import org.twincatalog.catalog.MalformedRequest;

/** Strong ETags carry the record version: {@code "3"}. */
public final class ETags {
    private ETags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an If-Match header names, or {@code null} for {@code *} or no header. Weak tags
     * never match (RFC 9110 strong comparison).
     */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            throw new MalformedRequest("If-Match needs a strong ETag such as \"3\", not the weak " + tag);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new MalformedRequest("If-Match '" + ifMatch + "' is not an ETag this node issued");
        }
    }
}
