package org.twincatalog.catalog;

/**
 * The policy needs a signed-in caller and there is none. A denied data access still says how to
 * get access (sign in, then request it).
 */
public class NotAuthenticated extends AccessDenied {
    public NotAuthenticated(String message, String rule, String hint, String requestAccessDatasetId) {
        super(Kind.NOT_AUTHENTICATED, message, rule, hint, requestAccessDatasetId);
    }
}
