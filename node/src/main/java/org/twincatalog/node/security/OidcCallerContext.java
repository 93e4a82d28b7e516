package org.twincatalog.node.security;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.twincatalog.access.Caller;
import org.twincatalog.access.identity.CallerClaims;
import org.twincatalog.catalog.CallerContext;

/**
 * The caller of the current request, from the bearer token quarkus-oidc verified (signature
 * against the issuer's keys, issuer, audience {@code twin-catalog-node}, expiry; a token issued to a
 * node client addressed to this node alone, {@link NodeTokenAudience}). No token is the anonymous
 * caller; an invalid token never gets here (401 before the resource runs). A token issued to a node
 * client gives a read-only caller.
 */
@ApplicationScoped
public class OidcCallerContext implements CallerContext {
    private static final ThreadLocal<Caller> OVERRIDE = new ThreadLocal<>();

    @Inject
    SecurityIdentity identity;

    @Inject
    NodeClients nodeClients;

    @Override
    public Caller current() {
        Caller override = OVERRIDE.get();
        if (override != null) {
            return override;
        }
        if (!Arc.container().requestContext().isActive() || identity.isAnonymous()) {
            return Caller.anonymous();
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            return CallerClaims.toCaller(claims(jwt), nodeClients.predicate());
        }
        return Caller.anonymous();
    }

    @Override
    public List<String> languages() {
        if (!Arc.container().requestContext().isActive()) {
            return List.of();
        }
        var current = Arc.container().instance(CurrentVertxRequest.class);
        RoutingContext request = current.isAvailable() ? current.get().getCurrent() : null;
        if (request == null) {
            return List.of();
        }
        return request.acceptableLanguages().stream()
                .filter(l -> l.weight() > 0 && !"*".equals(l.tag()))
                .map(l -> l.tag().toLowerCase(java.util.Locale.ROOT))
                .distinct()
                .toList();
    }

    @Override
    public <T> T runAs(Caller caller, Supplier<T> work) {
        Caller previous = OVERRIDE.get();
        OVERRIDE.set(caller);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                OVERRIDE.remove();
            } else {
                OVERRIDE.set(previous);
            }
        }
    }

    @Override
    public java.util.Optional<String> nodeClient() {
        if (OVERRIDE.get() != null
                || !Arc.container().requestContext().isActive()
                || identity.isAnonymous()
                || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return java.util.Optional.empty();
        }
        Map<String, Object> claims = claims(jwt);
        if (!CallerClaims.toCaller(claims, nodeClients.predicate()).nodeServiceAccount()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(claims.get(CallerClaims.AUTHORIZED_PARTY))
                .map(Object::toString);
    }

    /** The token's claims as plain Java values (String, Long, Boolean, List, Map). */
    static Map<String, Object> claims(JsonWebToken jwt) {
        Map<String, Object> claims = new LinkedHashMap<>();
        for (String name : jwt.getClaimNames()) {
            claims.put(name, plain(jwt.getClaim(name)));
        }
        return claims;
    }

    static Object plain(Object value) {
        if (value instanceof JsonString s) {
            return s.getString();
        }
        if (value instanceof JsonNumber n) {
            return n.isIntegral() ? (Object) n.longValue() : n.doubleValue();
        }
        if (value instanceof JsonArray array) {
            List<Object> list = new ArrayList<>();
            array.forEach(v -> list.add(plain(v)));
            return list;
        }
        if (value instanceof JsonObject object) {
            Map<String, Object> map = new LinkedHashMap<>();
            object.forEach((k, v) -> map.put(k, plain(v)));
            return map;
        }
        if (value instanceof JsonValue json) {
            return switch (json.getValueType()) {
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                default -> null;
            };
        }
        if (value instanceof java.util.Collection<?> values) {
            return values.stream().map(OidcCallerContext::plain).toList();
        }
        return value;
    }
}
