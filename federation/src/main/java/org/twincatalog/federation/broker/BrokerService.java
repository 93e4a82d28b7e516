package org.twincatalog.federation.broker;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.twincatalog.api.v1.model.FederatedAggregates;
import org.twincatalog.api.v1.model.FederatedSearchPage;
import org.twincatalog.api.v1.model.PeerFacets;
import org.twincatalog.api.v1.model.SearchPage;
import org.twincatalog.catalog.NodeConfig;
import org.twincatalog.catalog.NotFound;
import org.twincatalog.federation.FederationConfig;
import org.twincatalog.federation.directory.NodeDirectory;
import org.twincatalog.federation.directory.Peer;
import org.twincatalog.federation.directory.PeerClients;
import org.twincatalog.federation.directory.PeerHealth;
import org.twincatalog.federation.directory.PeerTokens;

/** Federated search and aggregates over the node directory's peers. */
@ApplicationScoped
public class BrokerService {
    private final NodeDirectory directory;
    private final NodeConfig node;
    private final FederationConfig config;
    private final ThreadPoolExecutor pool;
    private final Broker broker;

    public BrokerService(
            NodeDirectory directory,
            NodeConfig node,
            FederationConfig config,
            PeerClients clients,
            PeerTokens tokens,
            CircuitBreakers breakers,
            PeerHealth health) {
        this.directory = directory;
        this.node = node;
        this.config = config;
        int threads = config.broker().threads();
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "broker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        this.broker = new Broker(clients, new KeycloakForwarding(tokens), breakers::of, health, pool);
    }

    void onStop(@Observes ShutdownEvent event) {
        pool.shutdownNow();
    }

    public FederatedSearchPage search(List<String> peerIds, Integer deadlineMs, PeerQuery query, String callerToken) {
        long started = System.nanoTime();
        Duration deadline = deadline(deadlineMs);
        List<Peer> directoryPeers = directory.peers(); // read once: it is a database query
        List<Peer> peers = select(peerIds, directoryPeers);
        List<PeerAnswer<SearchPage>> answers = broker.ask(peers, query, callerToken, deadline);
        return new FederatedSearchPage()
                .items(ResultMerger.hits(answers, nodeIds(directoryPeers), query.limit()))
                .total(ResultMerger.total(answers))
                .facets(ResultMerger.facets(answers, Set.of()))
                .peers(answers.stream().map(PeerAnswer::outcome).toList())
                .deadlineMs(deadline.toMillis())
                .tookMs((System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Counts by facet per peer and merged. Each record is counted once, for its origin: every peer
     * leaves out the records registered at the other peers asked (their mirrors included), so a
     * metro node that harvested its cities counts only its own records and mirrors of nodes not
     * asked, and each city counts its own (ADR 0007).
     */
    public FederatedAggregates aggregate(
            List<String> peerIds, Integer deadlineMs, PeerQuery query, Set<String> facets, String callerToken) {
        long started = System.nanoTime();
        Duration deadline = deadline(deadlineMs);
        List<Peer> peers = select(peerIds, directory.peers());
        Set<String> asked = new HashSet<>();
        peers.forEach(p -> asked.add(p.id()));
        List<PeerAnswer<SearchPage>> answers = broker.ask(peers, query.excludingOrigins(asked), callerToken, deadline);
        List<PeerFacets> byPeer = new ArrayList<>();
        for (PeerAnswer<SearchPage> a : answers) {
            if (a.ok()) {
                byPeer.add(new PeerFacets()
                        .peer(a.outcome().getPeer())
                        .total(a.page().getTotal())
                        .facets(ResultMerger.select(a.page(), facets)));
            }
        }
        return new FederatedAggregates()
                .byPeer(byPeer)
                .merged(ResultMerger.facets(answers, facets))
                .total(ResultMerger.total(answers))
                .peers(answers.stream().map(PeerAnswer::outcome).toList())
                .deadlineMs(deadline.toMillis())
                .tookMs((System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Every chosen peer's answer to {@code call} (all peers when {@code peerIds} is empty; an
     * unknown id is a 404), asked concurrently with the caller's identity forwarded, by the
     * deadline.
     */
    public <T> List<PeerAnswer<T>> ask(List<String> peerIds, Duration deadline, PeerCall<T> call, String callerToken) {
        return broker.ask(select(peerIds, directory.peers()), call, callerToken, deadline);
    }

    /** The deadline asked for, or the configured one. */
    public Duration deadline(Integer deadlineMs) {
        return deadlineMs == null ? config.broker().deadline() : Duration.ofMillis(deadlineMs);
    }

    /** The peers named (each once, in the order given), or every peer when none is named. */
    private static List<Peer> select(List<String> peerIds, List<Peer> directoryPeers) {
        if (peerIds == null || peerIds.isEmpty()) {
            return directoryPeers;
        }
        Map<String, Peer> byId = new HashMap<>();
        directoryPeers.forEach(p -> byId.put(p.id(), p));
        List<Peer> peers = new ArrayList<>();
        for (String id : new java.util.LinkedHashSet<>(peerIds)) {
            Peer peer = byId.get(id);
            if (peer == null) {
                throw new NotFound("No peer with id '" + id + "'");
            }
            peers.add(peer);
        }
        return peers;
    }

    private Set<String> nodeIds(List<Peer> directoryPeers) {
        Set<String> ids = new HashSet<>();
        ids.add(node.id());
        directoryPeers.forEach(p -> ids.add(p.id()));
        return ids;
    }

    /** Exchanges the caller's token at Keycloak for one addressed to the peer's client. */
    private record KeycloakForwarding(PeerTokens tokens) implements IdentityForwarding {
        @Override
        public String tokenFor(Peer peer, String callerToken) {
            if (callerToken == null) {
                return null;
            }
            if (peer.clientId() == null) {
                throw new Refused(
                        "the peer has no Keycloak client in the directory, so the caller cannot be forwarded");
            }
            try {
                return tokens.exchange(callerToken, peer.clientId());
            } catch (PeerTokens.TokenFailure e) {
                if (e.refused()) {
                    throw new Refused(e.getMessage());
                }
                throw e;
            }
        }
    }
}
