package dev.authservice.oidc.boundary;

import dev.authservice.auth.boundary.Caller;
import dev.authservice.http.boundary.JsonFactories;
import dev.authservice.oidc.control.OAuthError;
import dev.authservice.oidc.control.TokenSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** POST /oauth2/token: codes and refresh tokens for tokens (RFC 6749, section 3.2). */
@Path("oauth2/token")
@ApplicationScoped
public class TokenResource {

    @Inject
    OpenIdProvider provider;

    @Inject
    Issuer issuer;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(MultivaluedMap<String, String> body, @Context HttpServletRequest request) {
        String authorization = caller.header(HttpHeaders.AUTHORIZATION);
        try {
            Map<String, String> form = OAuthResponses.single(body);
            TokenSet tokens = provider.token(form, ClientAuthentication.of(authorization, form), issuer.of(request));
            return Response.ok(JsonFactories.object()
                            .add("access_token", tokens.accessToken())
                            .add("token_type", "Bearer")
                            .add("expires_in", tokens.expiresIn())
                            .add("refresh_token", tokens.refreshToken())
                            .add("id_token", tokens.idToken())
                            .add("scope", tokens.scope())
                            .build())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .header("Pragma", "no-cache")
                    .build();
        } catch (OAuthError refused) {
            return OAuthResponses.error(refused, ClientAuthentication.usedBasic(authorization));
        }
    }
}
