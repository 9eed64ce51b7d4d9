package dev.authservice.portal.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * The service's own address: a person who types it lands on their account page, which sends a
 * browser without a session to the sign-in page first. Not an API (nothing but a redirect).
 */
@Path("/")
@ApplicationScoped
public class SiteRootResource {

    @Inject
    PortalResponses responses;

    @GET
    public Response root() {
        return responses.seeOther(responses.base() + "/portal/account").build();
    }
}
