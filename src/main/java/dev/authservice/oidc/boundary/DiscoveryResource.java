package dev.authservice.oidc.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** GET /.well-known/openid-configuration: where everything is, and what is offered. From memory. */
@Path(".well-known/openid-configuration")
@ApplicationScoped
public class DiscoveryResource {

    @Inject
    OpenIdProvider provider;

    @Inject
    Issuer issuer;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response configuration(@Context HttpServletRequest request) {
        return Response.ok(provider.discovery(issuer.of(request))).build();
    }
}
