package org.twincatalog.node.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.twincatalog.catalog.NotAuthenticated;
import org.twincatalog.catalog.web.ProblemType;
import org.twincatalog.catalog.web.Problems;
import org.twincatalog.catalog.web.ReadOnlyOperation;
import org.twincatalog.catalog.web.ResourceMethods;

/**
 * Who may reach a resource at all, decided from the request before any resource or service runs:
 *
 * <ul>
 *   <li>An {@code Authorization} header is one bearer token ({@code Bearer <token68>}) or a 401.
 *       Another scheme ({@code Basic}), an empty or blank token, or two headers would otherwise
 *       fall through quarkus-oidc as "no token" and be served as an anonymous read.
 *   <li>A write (POST, PUT, PATCH, DELETE on a resource not marked {@link ReadOnlyOperation})
 *       needs a signed-in caller: anonymous callers and invalid tokens get 401 after routing but
 *       before the body is read, parsed or validated.
 * </ul>
 *
 * Both answer the one 401 problem with {@code WWW-Authenticate: Bearer}.
 */
public class RequestAuthentication {
    /** RFC 6750 section 2.1: the scheme (case-insensitive), one space, a token68. */
    private static final Pattern BEARER = Pattern.compile("^(?i:bearer) [A-Za-z0-9\\-._~+/]+=*$");

    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final CurrentIdentityAssociation identities;

    public RequestAuthentication(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION - 100)
    public Optional<Response> bearerTokenOnly(ContainerRequestContext request) {
        List<String> values = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1
                || values.get(0) == null
                || !BEARER.matcher(values.get(0)).matches()) {
            return Optional.of(refusal(
                    request,
                    "The Authorization header must be one bearer token ('Bearer <token>'); other schemes,"
                            + " an empty token and several Authorization headers are refused. Call without the"
                            + " header to read as an anonymous caller",
                    "bearer-token-required"));
        }
        return Optional.empty();
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Uni<Response> signedInToWrite(ContainerRequestContext request, ResourceInfo resource) {
        if (!UNSAFE.contains(request.getMethod()) || readsOnly(resource)) {
            return Uni.createFrom().nullItem();
        }
        // An invalid token fails here, which AuthenticationProblems answers with the same 401.
        return identities
                .getDeferredIdentity()
                .map(identity -> identity.isAnonymous()
                        ? refusal(
                                request,
                                "Writes need a signed-in caller: send a bearer token of a publisher (or steward) of"
                                        + " the organization concerned",
                                "authentication-required")
                        : null);
    }

    private static boolean readsOnly(ResourceInfo resource) {
        return ResourceMethods.isMarked(resource, ReadOnlyOperation.class);
    }

    private static Response refusal(ContainerRequestContext request, String detail, String rule) {
        return Problems.denial(
                ProblemType.NOT_AUTHENTICATED,
                new NotAuthenticated(detail, rule, "sign in", null),
                "/" + request.getUriInfo().getPath().replaceFirst("^/", ""),
                null);
    }
}
