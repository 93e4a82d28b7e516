package org.twincatalog.federation.directory;

import jakarta.enterprise.context.ApplicationScoped;
import org.twincatalog.access.Caller;
import org.twincatalog.catalog.access.CallerContext;
import org.twincatalog.catalog.config.NodeConfig;
import org.twincatalog.catalog.error.AccessDenied;
import org.twincatalog.catalog.error.NotAuthenticated;

/** Who may change the directory, start harvests and read the quarantine: stewards of the node's operator. */
@ApplicationScoped
public class FederationAdmin {
    private final CallerContext callers;
    private final NodeConfig node;

    public FederationAdmin(CallerContext callers, NodeConfig node) {
        this.callers = callers;
        this.node = node;
    }

    /** Whether the caller is a steward of {@code tc.node.operator} (never when none is configured). */
    public boolean callerIsAdmin() {
        String operator = node.operator().orElse(null);
        return operator != null && callers.current().actsAs(Caller.STEWARD, operator);
    }

    /** Throws unless the caller is a steward of {@code tc.node.operator}. */
    public void require(String what) {
        Caller caller = callers.current();
        if (caller.isAnonymous()) {
            throw new NotAuthenticated(
                    "Sign in as a steward of the node's operator to " + what, "federation-admin", "sign in", null);
        }
        String operator = node.operator().orElse(null);
        if (operator == null || !caller.actsAs(Caller.STEWARD, operator)) {
            throw new AccessDenied(
                    "Only a steward of the organization operating this node ("
                            + (operator == null ? "none configured: tc.node.operator" : operator) + ") may " + what,
                    "federation-admin",
                    null,
                    null);
        }
    }
}
