package org.twincatalog.node.security;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwt.consumer.Validator;
import org.twincatalog.access.identity.CallerClaims;

/**
 * A token issued to a node's client (its {@code azp} is a node client: a node's service-account
 * token, or a caller's token a broker exchanged for a peer) is accepted only when it is addressed to
 * this node alone: its {@code aud} names this node's own client ({@code tc.federation.client-id})
 * and no other node client. The shared {@code twin-catalog-node} audience is not enough for such a
 * token, so a token obtained for one peer cannot be replayed at another. Tokens of people
 * ({@code azp} {@code twin-catalog-cli}) are checked by {@code quarkus.oidc.token.audience} alone.
 * Runs inside quarkus-oidc's verification: a refusal is a 401 like any invalid token.
 */
@Unremovable
@ApplicationScoped
public class NodeTokenAudience implements Validator {
    private static final Logger LOG = Logger.getLogger(NodeTokenAudience.class);

    @Inject
    NodeClients nodeClients;

    @Override
    public String validate(JwtContext context) throws MalformedClaimException {
        JwtClaims claims = context.getJwtClaims();
        String refusal =
                nodeClients.refusal(claims.getClaimValueAsString(CallerClaims.AUTHORIZED_PARTY), claims.getAudience());
        if (refusal != null) {
            LOG.debugf("Token refused: %s", refusal);
        }
        return refusal;
    }
}
