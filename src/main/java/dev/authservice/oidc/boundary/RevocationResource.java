package dev.authservice.oidc.boundary;

import dev.authservice.auth.boundary.Caller;
import dev.authservice.oidc.control.OAuthError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** POST /oauth2/revoke (RFC 7009): 200 whether or not the token was one, once the client is proved. */
@Path("oauth2/revoke")
@ApplicationScoped
public class RevocationResource {

    @Inject
    OpenIdProvider provider;

    @Inject
    Issuer issuer;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(MultivaluedMap<String, String> body, @Context HttpServletRequest request) {
        String authorization = caller.header(HttpHeaders.AUTHORIZATION);
        try {
            Map<String, String> form = OAuthResponses.single(body);
            provider.revoke(form.get("token"), ClientAuthentication.of(authorization, form), issuer.of(request));
            return Response.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        } catch (OAuthError refused) {
            return OAuthResponses.error(refused, ClientAuthentication.usedBasic(authorization));
        }
    }
}
