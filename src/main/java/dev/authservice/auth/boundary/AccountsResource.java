package dev.authservice.auth.boundary;

import dev.authservice.hashing.entity.Password;
import dev.authservice.http.boundary.Caller;
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
 * Accounts: registering one, changing its password, deleting it. META-INF/openapi.yaml documents
 * every status each method answers.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
// One instance, as SessionsResource explains; request data comes as parameters.
@ApplicationScoped
public class AccountsResource {

    @Inject
    AuthBean auth;

    @Inject
    Caller caller;

    @POST
    @Path("register")
    public Response register(JsonBody body) {
        auth.requireRegistrationOpen();
        String username = auth.register(
                body.requiredString("username"), Password.of(body.requiredString("password")), caller.client());
        return Response.status(Response.Status.CREATED)
                .entity(JsonFactories.object().add("username", username).build())
                .build();
    }

    @POST
    @Path("password")
    public Response changePassword(JsonBody body) {
        var token = caller.sessionToken();
        Password current = Password.of(body.requiredString("current_password"));
        Password replacement = Password.of(body.requiredString("new_password"));
        String username = auth.changePassword(token, current, body.optionalString("otp"), replacement, caller.client());
        return Response.ok(JsonFactories.object().add("username", username).build())
                .build();
    }

    /** Deletes the account, its second factor and every session: full re-authentication first. */
    @POST
    @Path("account/delete")
    public Response deleteAccount(JsonBody body) {
        var token = caller.sessionToken();
        auth.deleteAccount(
                token, Password.of(body.requiredString("password")), body.optionalString("otp"), caller.client());
        return Response.ok(JsonFactories.object().add("deleted", true).build()).build();
    }
}
