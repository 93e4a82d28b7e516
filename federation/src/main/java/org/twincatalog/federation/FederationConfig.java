package org.twincatalog.federation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Federation settings of a node. Keys under {@code tc.federation}; see {@code federation/README.md}. */
@ConfigMapping(prefix = "tc.federation")
public interface FederationConfig {

    /**
     * The Keycloak client that identifies this node to its peers (e.g. {@code node-national}); its
     * service account harvests, and it exchanges callers' tokens for the broker. Absent: this
     * node calls peers anonymously and forwards no identity.
     */
    Optional<String> clientId();

    /** The secret of {@link #clientId()}; give it by environment ({@code TC_FEDERATION_CLIENT_SECRET}). */
    Optional<String> clientSecret();

    /**
     * The token endpoint of the realm; default: {@code quarkus.oidc.auth-server-url} followed by
     * {@code /protocol/openid-connect/token}.
     */
    Optional<String> tokenUrl();

    /**
     * The realm's node clients, a regular expression matched against a token's {@code azp}. A token
     * issued to a node client (a node's own token, or a caller's token a broker exchanged) is
     * accepted only when addressed to this node's client alone, and it never writes.
     */
    @WithDefault("node-.+")
    String nodeClients();

    /**
     * The realm's admin API, where this node reads the base URLs the realm records for node clients
     * (realm attributes {@code twin-catalog.node.<client>.base-url}); default: the issuer
     * ({@code quarkus.oidc.auth-server-url}) with {@code /realms/} replaced by {@code /admin/realms/}.
     */
    Optional<String> realmAdminUrl();

    /** Peers registered by configuration, keyed by their node id. */
    Map<String, PeerConfig> peers();

    /**
     * The nodes that harvest this one, keyed by their node id: after this node's change log moves,
     * each is poked ({@code POST /api/v1/federation/pokes}, no data) so that it harvests at once.
     */
    Map<String, ParentConfig> parents();

    /** One node that harvests this one ({@code tc.federation.parents.<id>.*}). */
    interface ParentConfig {
        /** Its base URL (without {@code /api/v1}). */
        String baseUrl();

        /** Its Keycloak client, the audience of the poke's token; absent: poked anonymously (refused). */
        Optional<String> clientId();
    }

    /** Harvesting. */
    Harvest harvest();

    /** The federated query broker. */
    Broker broker();

    /** One configured peer ({@code tc.federation.peers.<id>.*}). */
    interface PeerConfig {
        /** The peer's name (English); default: its id. */
        Optional<String> name();

        /** city, metro or national. */
        @WithDefault("city")
        String tier();

        /** Where the peer's API is, without {@code /api/v1}. */
        String baseUrl();

        /** The administrative area codes it covers. */
        Optional<List<String>> adminAreas();

        /** Its Keycloak client (the audience of tokens addressed to it). */
        Optional<String> clientId();

        /** Whether to harvest its change feed. */
        @WithDefault("true")
        boolean harvest();
    }

    interface Harvest {
        /** Whether scheduled harvest runs are on. */
        @WithDefault("true")
        boolean enabled();

        /** The time between the end of a peer's run and the start of its next scheduled one. */
        @WithDefault("60s")
        Duration interval();

        /** The delay before the first scheduled run after start. */
        @WithDefault("2s")
        Duration initialDelay();

        /** Feed entries asked per request; each page is committed with its cursor in one transaction. */
        @WithDefault("500")
        int pageSize();

        /** How many peers are harvested at the same time. */
        @WithDefault("4")
        int concurrency();

        /**
         * Every how many successful runs of a peer its listing is compared with the mirrors (the
         * first run after start always): mirrors the peer no longer shows this node (a visibility
         * lowered at the origin) are withdrawn. 0 turns it off.
         */
        @WithDefault("10")
        int reconcileEvery();

        /** How long one feed request may take. */
        @WithDefault("30s")
        Duration requestTimeout();
    }

    interface Broker {
        /** The default deadline of a federated query (the caller may ask for less or more, up to 30 s). */
        @WithDefault("2s")
        Duration deadline();

        /** Consecutive failures (error or timeout) that open a peer's circuit. */
        @WithDefault("3")
        int failureThreshold();

        /** How long an open circuit skips its peer before one trial call is let through. */
        @WithDefault("15s")
        Duration openFor();

        /** Threads that call peers; a peer call holds one until its answer or the deadline. */
        @WithDefault("64")
        int threads();
    }
}
