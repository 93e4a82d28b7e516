package org.twincatalog.catalog;

/** A peer node did not answer in time or failed. */
public class PeerUnavailable extends CatalogException {
    public PeerUnavailable(String message) {
        super(Kind.PEER_UNAVAILABLE, message);
    }
}
