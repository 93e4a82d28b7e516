package org.twincatalog.federation.harvest;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.twincatalog.api.v1.client.ApiException;
import org.twincatalog.api.v1.client.DatasetsApi;
import org.twincatalog.api.v1.client.ServicesApi;
import org.twincatalog.api.v1.model.DataService;
import org.twincatalog.api.v1.model.DataServicePage;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.api.v1.model.DatasetPage;
import org.twincatalog.catalog.RecordType;
import org.twincatalog.federation.FederationConfig;
import org.twincatalog.federation.directory.Peer;
import org.twincatalog.federation.directory.PeerClients;
import org.twincatalog.federation.directory.PeerTokens;

/**
 * Withdraws mirrors that their peer no longer shows this node. The change feed cannot say so: a
 * record whose visibility is lowered at its origin drops out of this node's feed, change and
 * all. So, after a run, the ids the peer lists for this node's service account are compared with
 * the mirrors that came through it, and the mirrors missing there become tombstones here (which
 * the next tier harvests like any withdrawal).
 */
@ApplicationScoped
public class Reconciler {
    private static final int PAGE = 500;

    private final PeerClients clients;
    private final PeerTokens tokens;
    private final MirrorWriter writer;
    private final FederationConfig config;

    public Reconciler(PeerClients clients, PeerTokens tokens, MirrorWriter writer, FederationConfig config) {
        this.clients = clients;
        this.tokens = tokens;
        this.writer = writer;
        this.config = config;
    }

    /** Answers how many mirrors were withdrawn. */
    public long reconcile(Peer peer) throws ApiException {
        Map<String, String> headers = new HashMap<>();
        tokens.serviceTokenFor(peer).ifPresent(t -> headers.put("Authorization", "Bearer " + t));
        long withdrawn = writer.withdrawMissing(peer.id(), RecordType.DATASET, datasetIds(peer, headers));
        withdrawn += writer.withdrawMissing(peer.id(), RecordType.SERVICE, serviceIds(peer, headers));
        return withdrawn;
    }

    private Set<String> datasetIds(Peer peer, Map<String, String> headers) throws ApiException {
        DatasetsApi api = new DatasetsApi(clients.client(peer, config.harvest().requestTimeout()));
        Set<String> ids = new HashSet<>();
        String cursor = null;
        do {
            DatasetPage page = api.listDatasets(cursor, PAGE, null, false, headers);
            page.getItems().stream().map(Dataset::getId).forEach(ids::add);
            cursor = page.getNext();
        } while (cursor != null);
        return ids;
    }

    private Set<String> serviceIds(Peer peer, Map<String, String> headers) throws ApiException {
        ServicesApi api = new ServicesApi(clients.client(peer, config.harvest().requestTimeout()));
        Set<String> ids = new HashSet<>();
        String cursor = null;
        do {
            DataServicePage page = api.listServices(cursor, PAGE, null, null, headers);
            page.getItems().stream().map(DataService::getId).forEach(ids::add);
            cursor = page.getNext();
        } while (cursor != null);
        return ids;
    }
}
