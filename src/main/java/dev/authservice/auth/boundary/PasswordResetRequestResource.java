package dev.authservice.auth.boundary;

import dev.authservice.http.boundary.JsonBody;
import dev.authservice.http.boundary.JsonFactories;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * "Forgot your password?" for native clients: the portal page's use case, with the same answer
 * whether or not the name or address is an account's. The link in the message opens the portal's
 * reset page, where the second factor and the new password are asked for.
 */
@Path("password/reset")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class PasswordResetRequestResource {

    @Inject
    AccountRecovery recovery;

    @Inject
    Caller caller;

    @POST
    public Response request(JsonBody body) {
        recovery.requestReset(body.requiredString("identifier"), caller.client());
        return Response.accepted(JsonFactories.object()
                        .add(
                                "detail",
                                "If an account has this name or a confirmed address, a link to reset its password"
                                        + " is on its way there.")
                        .build())
                .build();
    }
}
