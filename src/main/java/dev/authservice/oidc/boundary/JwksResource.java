package dev.authservice.oidc.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** GET /oauth2/jwks: the keys that verify the provider's tokens, public halves only. */
@Path("oauth2/jwks")
@ApplicationScoped
public class JwksResource {

    @Inject
    OpenIdProvider provider;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response keys() {
        return Response.ok(provider.keySet()).build();
    }
}
