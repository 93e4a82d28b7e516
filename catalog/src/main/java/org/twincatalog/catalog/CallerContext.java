package org.twincatalog.catalog;

import java.util.List;
import java.util.function.Supplier;
import org.twincatalog.access.Caller;

/**
 * Who is calling: the verified bearer token of the current request as a {@link Caller}, or the
 * anonymous caller. Extension point implemented by the node (with quarkus-oidc); the catalog's
 * services ask it on every read and write, so no path forgets the caller.
 */
public interface CallerContext {

    /** The current caller; {@link Caller#anonymous()} without a token or outside a request. */
    Caller current();

    /**
     * The languages the caller reads, most preferred first (primary tags of the request's
     * {@code Accept-Language}, such as {@code ko}); empty when the request names none or outside a
     * request. Messages name organizations in the first of these their record has.
     */
    default List<String> languages() {
        return List.of();
    }

    /**
     * Runs {@code work} as {@code caller} on this thread (startup seeding, jobs), then restores
     * the previous caller. The policy decides for {@code caller} like for any request.
     */
    <T> T runAs(Caller caller, Supplier<T> work);

    /**
     * The node client whose own service account is calling (the token's {@code azp}, when the
     * token belongs to that client's service account); empty for anyone else, including callers
     * a broker forwarded through a node client.
     */
    default java.util.Optional<String> nodeClient() {
        return java.util.Optional.empty();
    }
}
