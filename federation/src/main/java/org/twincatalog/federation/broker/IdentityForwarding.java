package org.twincatalog.federation.broker;

import org.twincatalog.federation.directory.Peer;

/**
 * How the broker presents the caller to a peer (extension point). The default exchanges the
 * caller's token at Keycloak for one addressed to the peer ({@code PeerTokens}).
 */
public interface IdentityForwarding {

    /**
     * The bearer token to send to {@code peer} for the caller, or null to call it anonymously.
     *
     * @param callerToken the caller's verified token; null for an anonymous caller
     * @throws Refused when the caller may not be forwarded to the peer (the peer is then reported as denied)
     */
    String tokenFor(Peer peer, String callerToken);

    /** The identity provider refused to address the caller's token to the peer. */
    class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }
}
