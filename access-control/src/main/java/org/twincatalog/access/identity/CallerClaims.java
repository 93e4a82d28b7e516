package org.twincatalog.access.identity;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.twincatalog.access.AccessControlFailure;
import org.twincatalog.access.Caller;
import org.twincatalog.access.OrgKind;

/**
 * Builds a {@link Caller} from the claims of a verified access token of the {@code twin-catalog}
 * realm. The node verifies signature, issuer, audience and expiry (quarkus-oidc) before calling
 * {@link #toCaller(Map)}; this class only reads claims.
 *
 * <p>Claims read: {@code sub}, {@code org}, {@code org_kind}, {@code area_code} (a string or an
 * array), {@code realm_access.roles}, and {@code preferred_username} / {@code azp} to recognise a
 * node's service account and a token issued to a node (see {@link Caller#viaNode()}).
 */
public final class CallerClaims {

    public static final String SUBJECT = "sub";
    public static final String ORGANIZATION = "org";
    public static final String ORGANIZATION_KIND = "org_kind";
    public static final String AREA_CODE = "area_code";
    public static final String COUNTRY = "country";
    public static final String REALM_ACCESS = "realm_access";
    public static final String ROLES = "roles";
    public static final String PREFERRED_USERNAME = "preferred_username";
    public static final String NAME = "name";
    public static final String AUTHORIZED_PARTY = "azp";
    /** Keycloak names the user behind a client's service account {@code service-account-<clientId>}. */
    public static final String SERVICE_ACCOUNT_PREFIX = "service-account-";
    /** The realm's node clients by default: {@code node-national}, {@code node-city-mapo}, ... */
    public static final Predicate<String> NODE_CLIENTS =
            Pattern.compile("node-.+").asMatchPredicate();

    private CallerClaims() {}

    /**
     * The caller these claims describe. A token without {@code sub} is rejected; a token without
     * {@code org} gives a caller of no organization. A service account counts as a node only when
     * it holds the {@code node} role and is the service account of the client that requested the
     * token ({@code preferred_username} is {@code service-account-} + {@code azp}). A token whose
     * {@code azp} is a node client ({@link #NODE_CLIENTS}) gives a read-only caller.
     *
     * @throws AccessControlFailure.ValidationFailed when {@code sub} is missing
     */
    public static Caller toCaller(Map<String, ?> claims) {
        return toCaller(claims, NODE_CLIENTS);
    }

    /**
     * As {@link #toCaller(Map)}, with the node clients named by {@code nodeClients} (tested on the
     * {@code azp} claim).
     */
    public static Caller toCaller(Map<String, ?> claims, Predicate<String> nodeClients) {
        String subject = string(claims.get(SUBJECT));
        if (subject == null) {
            throw new AccessControlFailure.ValidationFailed("token has no 'sub' claim");
        }
        String organization = string(claims.get(ORGANIZATION));
        Set<String> roles = realmRoles(claims.get(REALM_ACCESS));
        return new Caller(
                subject,
                organization,
                OrgKind.parse(string(claims.get(ORGANIZATION_KIND))),
                strings(claims.get(AREA_CODE)),
                roles,
                roles.contains(Caller.NODE) && isServiceAccount(claims),
                issuedToNode(claims, nodeClients),
                displayName(claims));
    }

    /** Whether the token was issued to a node's client: its own token, or one it obtained by exchange. */
    public static boolean issuedToNode(Map<String, ?> claims, Predicate<String> nodeClients) {
        String client = string(claims.get(AUTHORIZED_PARTY));
        return client != null && nodeClients.test(client);
    }

    /** {@code preferred_username}, else {@code name}: how people know the caller. */
    private static String displayName(Map<String, ?> claims) {
        String username = string(claims.get(PREFERRED_USERNAME));
        return username != null ? username : string(claims.get(NAME));
    }

    private static boolean isServiceAccount(Map<String, ?> claims) {
        String username = string(claims.get(PREFERRED_USERNAME));
        String client = string(claims.get(AUTHORIZED_PARTY));
        return username != null && client != null && username.equals(SERVICE_ACCOUNT_PREFIX + client);
    }

    private static Set<String> realmRoles(Object realmAccess) {
        if (realmAccess instanceof Map<?, ?> map) {
            return strings(map.get(ROLES));
        }
        return Set.of();
    }

    private static String string(Object value) {
        if (value instanceof Collection<?> values) {
            return values.isEmpty() ? null : string(values.iterator().next());
        }
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        return value.toString();
    }

    private static Set<String> strings(Object value) {
        Set<String> result = new LinkedHashSet<>();
        if (value instanceof Collection<?> values) {
            values.stream().map(CallerClaims::string).filter(v -> v != null).forEach(result::add);
        } else if (string(value) != null) {
            result.add(string(value));
        }
        return result;
    }
}
