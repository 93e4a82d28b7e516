package org.twincatalog.federation.broker;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.twincatalog.federation.FederationConfig;

/** One {@link CircuitBreaker} per peer, made on first use. */
@ApplicationScoped
public class CircuitBreakers {
    private final FederationConfig config;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    public CircuitBreakers(FederationConfig config) {
        this.config = config;
    }

    public CircuitBreaker of(String peer) {
        return breakers.computeIfAbsent(
                peer,
                p -> new CircuitBreaker(
                        config.broker().failureThreshold(), config.broker().openFor(), Clock.systemUTC()));
    }
}
