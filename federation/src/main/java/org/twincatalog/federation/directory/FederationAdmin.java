package org.twincatalog.federation.directory;

import jakarta.enterprise.context.ApplicationScoped;
import org.twincatalog.access.Caller;
import org.twincatalog.catalog.AccessDenied;
import org.twincatalog.catalog.CallerContext;
import org.twincatalog.catalog.NodeConfig;
import org.twincatalog.catalog.NotAuthenticated;
import org.twincatalog.catalog.access.CatalogAccess;

/** Who may change the directory, start harvests and read the quarantine: stewards of the node's operator. */
@ApplicationScoped
public class FederationAdmin {
    private final CallerContext callers;
    private final NodeConfig node;
    private final CatalogAccess access;

    public FederationAdmin(CallerContext callers, NodeConfig node, CatalogAccess access) {
        this.callers = callers;
        this.node = node;
        this.access = access;
    }

    /** Whether the caller is a steward of {@code tc.node.operator} (never when none is configured). */
    public boolean callerIsAdmin() {
        String operator = node.operator().orElse(null);
        return operator != null && callers.current().actsAs(Caller.STEWARD, operator);
    }

    /**
     * Throws unless the caller is a steward of {@code tc.node.operator}. The denial names the
     * operator and the caller as every denial does (by name, in the reader's language).
     */
    public void require(String what) {
        Caller caller = callers.current();
        String operator = node.operator().orElse(null);
        if (operator == null) {
            throw new AccessDenied(
                    "Only stewards of the organization operating this node may " + what
                            + ", and this node names none (tc.node.operator)",
                    "federation-admin",
                    null,
                    null);
        }
        String operatorShown = access.organizationShown(operator);
        if (caller.isAnonymous()) {
            throw new NotAuthenticated(
                    "Sign in as a steward of " + operatorShown + ", which operates this node, to " + what,
                    "federation-admin",
                    "sign in",
                    null);
        }
        if (!caller.actsAs(Caller.STEWARD, operator)) {
            throw new AccessDenied(
                    "Only stewards of " + operatorShown + ", which operates this node, may " + what + "; "
                            + caller.shownName() + " is not one of them.",
                    "federation-admin",
                    null,
                    null);
        }
    }
}
