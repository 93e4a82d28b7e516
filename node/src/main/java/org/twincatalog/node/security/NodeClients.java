package org.twincatalog.node.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.twincatalog.federation.FederationConfig;

/**
 * The realm's node clients ({@code tc.federation.node-clients}) and this node's own
 * ({@code tc.federation.client-id}): which tokens were issued to a node, and whether such a token
 * is addressed to this node alone.
 */
@ApplicationScoped
public class NodeClients {
    private final Predicate<String> nodeClients;
    private final Optional<String> ownClient;

    @Inject
    public NodeClients(FederationConfig federation) {
        this(Pattern.compile(federation.nodeClients()).asMatchPredicate(), federation.clientId());
    }

    NodeClients(Predicate<String> nodeClients, Optional<String> ownClient) {
        this.nodeClients = nodeClients;
        this.ownClient = ownClient;
    }

    /** Whether {@code clientId} is a node client of the realm. */
    public Predicate<String> predicate() {
        return nodeClients;
    }

    /**
     * Why a token issued to client {@code azp} for {@code audience} is refused at this node; null
     * when it is accepted here (or is no node's token, which {@code quarkus.oidc.token.audience}
     * checks alone).
     */
    public String refusal(String azp, List<String> audience) {
        if (azp == null || !nodeClients.test(azp)) {
            return null;
        }
        if (ownClient.isEmpty()) {
            return "a token issued to node client " + azp + " is accepted only by a node with a federation client";
        }
        String own = ownClient.get();
        if (audience == null || !audience.contains(own)) {
            return "a token issued to node client " + azp + " is not addressed to this node (" + own + ")";
        }
        if (audience.stream().anyMatch(a -> !a.equals(own) && nodeClients.test(a))) {
            return "a token issued to node client " + azp + " must be addressed to this node (" + own + ") alone";
        }
        return null;
    }
}
