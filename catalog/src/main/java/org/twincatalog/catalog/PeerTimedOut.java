package org.twincatalog.catalog;

/** A peer node did not start its answer within the deadline. */
public class PeerTimedOut extends CatalogException {
    public PeerTimedOut(String message) {
        super(Kind.PEER_TIMEOUT, message);
    }
}
