package org.twincatalog.catalog;

import java.util.Optional;
import org.twincatalog.api.v1.model.AgreementRequest;

/**
 * Where an access request for a record of another node goes (extension point). A national or
 * metro node holds mirrors of its cities' records; access to their data is the owning city's to
 * grant, so a request made here for a mirror is passed on to the node that decides it, with the
 * caller's identity. Without an implementation (a node without federation) every record is
 * decided here.
 */
public interface AccessRequestForwarding {

    /**
     * The peer to ask for {@code datasetId} when it is a mirror at this node; empty for a record of
     * this node.
     */
    Optional<String> decidingPeer(String datasetId);

    /**
     * Asks {@code peer} for the request with the caller's identity forwarded; {@code request} names
     * the datasets by their ids at this node. The peer's answer is returned whatever its status.
     *
     * @throws org.twincatalog.catalog.CatalogException when the peer cannot be asked (not
     *     reachable, too slow, or the caller may not be forwarded to it)
     */
    Forwarded forward(String peer, AgreementRequest request, String callerToken);

    /**
     * The peer's answer: its status and JSON body (an agreement, or a problem), and where the
     * requester follows the agreement through this node (a path relative to this node's base URI,
     * such as {@code api/v1/federation/agreements/city-mapo/42}; null unless created).
     */
    record Forwarded(int status, String body, String location) {
        public Forwarded {
            body = body == null ? "" : body;
        }

        public boolean created() {
            return status == 201;
        }
    }
}
