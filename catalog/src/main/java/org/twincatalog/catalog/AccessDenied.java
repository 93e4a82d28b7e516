package org.twincatalog.catalog;

/**
 * The caller is known but the policy denies the action. A denied data access says which rule
 * decided, how to get access, and, when an agreement can open it, for which dataset access can be
 * requested.
 */
public class AccessDenied extends CatalogException {
    private final String rule;
    private final String hint;
    private final String requestAccessDatasetId;

    public AccessDenied(String message) {
        this(message, null, null, null);
    }

    /**
     * @param rule the id of the policy rule that decided; may be null
     * @param hint how to get access; null when there is no way
     * @param requestAccessDatasetId the dataset whose request-access link applies; null for none
     */
    public AccessDenied(String message, String rule, String hint, String requestAccessDatasetId) {
        this(Kind.ACCESS_DENIED, message, rule, hint, requestAccessDatasetId);
    }

    protected AccessDenied(Kind kind, String message, String rule, String hint, String requestAccessDatasetId) {
        super(kind, message);
        this.rule = rule;
        this.hint = hint;
        this.requestAccessDatasetId = requestAccessDatasetId;
    }

    public String rule() {
        return rule;
    }

    public String hint() {
        return hint;
    }

    public String requestAccessDatasetId() {
        return requestAccessDatasetId;
    }
}
