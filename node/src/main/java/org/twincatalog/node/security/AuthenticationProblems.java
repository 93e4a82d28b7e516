package org.twincatalog.node.security;

import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.twincatalog.catalog.NotAuthenticated;
import org.twincatalog.catalog.web.ProblemType;
import org.twincatalog.catalog.web.Problems;

/**
 * A bearer token that quarkus-oidc rejects (expired, forged, another issuer or audience) is a 401
 * problem+json, never a page or an empty body. Authentication is lazy
 * ({@code quarkus.http.auth.proactive=false}) so that this mapper sees the failure; a request
 * without a token stays anonymous.
 */
public class AuthenticationProblems {

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response invalidToken(RuntimeException e, UriInfo uri) {
        NotAuthenticated problem = new NotAuthenticated(
                "The bearer token is not valid here (expired, not signed by this node's issuer, or not"
                        + " addressed to this node); sign in again or call without a token",
                "valid-token-required",
                null,
                null);
        return Problems.denial(ProblemType.NOT_AUTHENTICATED, problem, path(uri), null);
    }

    /** Keycloak cannot be reached to verify a token: a 502 problem; calls without a token still work. */
    @ServerExceptionMapper(OIDCException.class)
    public Response identityProviderUnavailable(OIDCException e, UriInfo uri) {
        return Problems.response(
                ProblemType.PEER_UNAVAILABLE,
                "The identity provider cannot be reached to verify the bearer token; try again, or call"
                        + " without a token for public records",
                path(uri));
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
