package org.twincatalog.access;

import java.util.Objects;
import java.util.Set;

/**
 * Who is asking, built from verified token claims (see {@code identity.CallerClaims}) or {@link
 * #anonymous()} when there is no token.
 *
 * @param subject the token's {@code sub}; null only for the anonymous caller
 * @param organization the organization id ({@code org} claim); null when the caller belongs to
 *     none (a developer signed up on their own)
 * @param organizationKind the {@code org_kind} claim; {@link OrgKind#NONE} without organization
 * @param areaCodes administrative area codes of the organization ({@code area_code}); may be empty
 * @param roles realm roles ({@code realm_access.roles}); see the constants of this record
 * @param nodeServiceAccount whether the token belongs to a federation node's service account
 * @param viaNode whether the token was issued to a federation node's client (its {@code azp}): a
 *     node's own service-account token, or a caller's token a broker exchanged to forward a
 *     federated query. Such a caller reads as the organization it names and never writes, whatever
 *     roles the token carries.
 * @param displayName how the caller is named to people ({@code preferred_username}, else {@code
 *     name}); null when the token names nobody. Messages use {@link #shownName()}, never the subject.
 */
public record Caller(
        String subject,
        String organization,
        OrgKind organizationKind,
        Set<String> areaCodes,
        Set<String> roles,
        boolean nodeServiceAccount,
        boolean viaNode,
        String displayName) {

    public static final String PUBLISHER = "publisher";
    public static final String STEWARD = "steward";
    public static final String ANALYST = "analyst";
    public static final String DEVELOPER = "developer";
    public static final String NODE = "node";

    private static final Caller ANONYMOUS =
            new Caller(null, null, OrgKind.NONE, Set.of(), Set.of(), false, false, null);

    public Caller {
        organizationKind = organization == null ? OrgKind.NONE : Objects.requireNonNull(organizationKind);
        areaCodes = areaCodes == null ? Set.of() : Set.copyOf(areaCodes);
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        if (subject == null && (organization != null || !roles.isEmpty() || nodeServiceAccount || viaNode)) {
            throw new AccessControlFailure.ValidationFailed("an anonymous caller has no organization or roles");
        }
        viaNode = viaNode || nodeServiceAccount;
        displayName = displayName == null || displayName.isBlank() ? null : displayName;
    }

    /** A caller whose token names nobody to show ({@link #displayName()} null). */
    public Caller(
            String subject,
            String organization,
            OrgKind organizationKind,
            Set<String> areaCodes,
            Set<String> roles,
            boolean nodeServiceAccount,
            boolean viaNode) {
        this(subject, organization, organizationKind, areaCodes, roles, nodeServiceAccount, viaNode, null);
    }

    /** A caller whose token was issued to itself (not through a node), or a node's service account. */
    public Caller(
            String subject,
            String organization,
            OrgKind organizationKind,
            Set<String> areaCodes,
            Set<String> roles,
            boolean nodeServiceAccount) {
        this(subject, organization, organizationKind, areaCodes, roles, nodeServiceAccount, nodeServiceAccount);
    }

    /** The caller without a token. */
    public static Caller anonymous() {
        return ANONYMOUS;
    }

    /** A signed-in person (not a node) of the given organization, or of none when null. */
    public static Caller user(String subject, String organization, OrgKind kind, Set<String> roles) {
        return new Caller(
                Objects.requireNonNull(subject, "subject"), organization, kind, Set.of(), roles, false, false);
    }

    /** This caller, named {@code name} to people. */
    public Caller named(String name) {
        return new Caller(subject, organization, organizationKind, areaCodes, roles, nodeServiceAccount, viaNode, name);
    }

    /**
     * How a message names the caller: the display name, "an anonymous caller", or "a signed-in
     * caller" when the token names nobody (never the subject, often an opaque id).
     */
    public String shownName() {
        if (isAnonymous()) {
            return "an anonymous caller";
        }
        return displayName == null ? "a signed-in caller" : displayName;
    }

    public boolean isAnonymous() {
        return subject == null;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Whether the caller belongs to the given organization; false for a null organization. */
    public boolean belongsTo(String organizationId) {
        return organization != null && organization.equals(organizationId);
    }

    public boolean isPublicSector() {
        return organization != null && organizationKind.isPublicSector();
    }

    /**
     * Whether this caller may only read: a node's service account, or a caller forwarded through a
     * node ({@link #viaNode()}).
     */
    public boolean readOnly() {
        return viaNode;
    }

    /** A person (never a node, never through a node) holding {@code role} in {@code organizationId}. */
    public boolean actsAs(String role, String organizationId) {
        return !readOnly() && hasRole(role) && belongsTo(organizationId);
    }

    /** A short label for logs and the audit trail: subject and organization. */
    public String label() {
        if (isAnonymous()) {
            return "anonymous";
        }
        return organization == null ? subject : subject + "@" + organization;
    }
}
