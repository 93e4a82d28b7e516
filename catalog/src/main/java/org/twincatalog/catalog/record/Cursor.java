package org.twincatalog.catalog.record;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.twincatalog.catalog.MalformedRequest;

/**
 * Opaque page cursors. A cursor names the registration sequence of the last item of a page, so
 * pages stay stable while records are added or changed (keyset paging, no offsets).
 */
public final class Cursor {
    private static final String PREFIX = "s:";

    private Cursor() {}

    public static String encode(long createdSeq) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((PREFIX + createdSeq).getBytes(StandardCharsets.UTF_8));
    }

    /** The sequence after which the next page starts; 0 for no cursor. */
    public static long decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(PREFIX)) {
                throw new IllegalArgumentException();
            }
            long seq = Long.parseLong(text.substring(PREFIX.length()));
            if (seq < 0) {
                throw new IllegalArgumentException();
            }
            return seq;
        } catch (IllegalArgumentException e) {
            throw new MalformedRequest("cursor '" + cursor + "' is not one this node issued");
        }
    }
}
