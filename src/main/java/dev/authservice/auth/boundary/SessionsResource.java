package dev.authservice.auth.boundary;

import dev.authservice.accounts.control.Credentials;
import dev.authservice.hashing.entity.Password;
import dev.authservice.http.boundary.JsonBody;
import dev.authservice.http.boundary.JsonFactories;
import dev.authservice.refusal.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The HTTP contract itself: registering, logging in and out (and out everywhere).
 * META-INF/openapi.yaml documents every status each method answers.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
// One instance for the application: per request, Jersey would build the resource and inject its
// EJB reference again, which cost about a sixth of a token check. Request data comes as parameters.
@ApplicationScoped
public class SessionsResource {

    @Inject
    AuthBean auth;

    @Inject
    Caller caller;

    @POST
    @Path("register")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(JsonBody body) {
        auth.requireRegistrationOpen();
        String username = auth.register(
                body.requiredString("username"),
                Password.of(body.requiredString("password")),
                body.optionalString("email"),
                caller.client());
        return Response.status(Response.Status.CREATED)
                .entity(JsonFactories.object().add("username", username).build())
                .build();
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(JsonBody body) {
        return TokenResponse.of(auth.login(credentials(body), caller.client()));
    }

    @POST
    @Path("logout")
    public Response logout() {
        auth.logout(caller.sessionToken(), caller.client());
        return Response.ok(JsonFactories.object().add("revoked", 1).build()).build();
    }

    @POST
    @Path("logout-all")
    public Response logoutAll() {
        int revoked = auth.logoutAll(caller.sessionToken(), caller.client());
        return Response.ok(JsonFactories.object().add("revoked", revoked).build())
                .build();
    }

    /** Login answers every failure with 401, an unreadable body included, as the HTTP contract says. */
    private static Credentials credentials(JsonBody body) {
        try {
            return new Credentials(
                    body.requiredString("username"),
                    Password.of(body.requiredString("password")),
                    body.optionalString("otp"));
        } catch (Refusal unreadable) {
            throw Refusal.unreadableCredentials(unreadable.detail());
        }
    }
}
