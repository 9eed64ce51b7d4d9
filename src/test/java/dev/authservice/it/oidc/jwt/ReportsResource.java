package dev.authservice.it.oidc.jwt;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Members of "finance" only; the caller is the token's upn. */
@Path("reports")
@RequestScoped
public class ReportsResource {

    @Inject
    JsonWebToken token;

    @GET
    @RolesAllowed("finance")
    @Produces(MediaType.TEXT_PLAIN)
    public String reports() {
        return "Reports for " + token.getName();
    }
}
