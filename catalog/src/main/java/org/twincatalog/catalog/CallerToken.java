package org.twincatalog.catalog;

import jakarta.ws.rs.core.HttpHeaders;
import org.twincatalog.access.Caller;

/** The caller's bearer token, to forward to peers (by exchange). */
public final class CallerToken {
    private CallerToken() {}

    /** The caller's token once verified (an invalid one is a 401 before this); null for anonymous callers. */
    public static String of(CallerContext callers, HttpHeaders headers) {
        Caller caller = callers.current();
        if (caller.isAnonymous()) {
            return null;
        }
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).trim();
    }
}
