package dev.authservice.oidc.boundary;

import dev.authservice.auth.boundary.Caller;
import dev.authservice.oidc.control.OAuthError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * UserInfo over GET and POST (OpenID Connect Core, section 5.3): the access token in the
 * Authorization header, or in a POST's body (RFC 6750, section 2.2), never in the query.
 */
@Path("oauth2/userinfo")
@ApplicationScoped
public class UserInfoResource {

    @Inject
    OpenIdProvider provider;

    @Inject
    Issuer issuer;

    @Inject
    Caller caller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@Context HttpServletRequest request) {
        return answer(bearer(), request);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response post(MultivaluedMap<String, String> body, @Context HttpServletRequest request) {
        String header = bearer();
        String field = body.getFirst("access_token");
        if (header != null && field != null) {
            return OAuthResponses.error(
                    OAuthError.invalidRequest("Send the access token one way: the header or the body."), false);
        }
        return answer(header != null ? header : field, request);
    }

    private Response answer(String token, HttpServletRequest request) {
        try {
            if (token == null || token.isEmpty()) {
                throw OAuthError.invalidToken("An access token is required.");
            }
            return Response.ok(provider.userInfo(token, issuer.of(request)))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .build();
        } catch (OAuthError refused) {
            return OAuthResponses.error(refused, false);
        }
    }

    private String bearer() {
        String authorization = caller.header(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).strip();
    }
}
