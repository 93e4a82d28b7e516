package org.twincatalog.catalog.error;

/** A peer node did not answer in time or failed. */
public class PeerUnavailable extends CatalogException {
    public PeerUnavailable(String message) {
        super(Kind.PEER_UNAVAILABLE, message);
    }
}
