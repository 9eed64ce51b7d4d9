package dev.authservice.selfservice.boundary;

import dev.authservice.auth.boundary.Caller;
import dev.authservice.auth.boundary.SessionJson;
import dev.authservice.hashing.entity.Password;
import dev.authservice.http.boundary.JsonBody;
import dev.authservice.http.boundary.JsonFactories;
import dev.authservice.sessions.control.SessionSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A person's own account in the JSON API: its password, its sessions, its deletion.
 * META-INF/openapi.yaml documents every status each method answers.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
// One instance, as SessionsResource explains; request data comes as parameters.
@ApplicationScoped
public class AccountResource {

    @Inject
    SelfService selfService;

    @Inject
    Caller caller;

    @POST
    @Path("password")
    public Response changePassword(JsonBody body) {
        var token = caller.sessionToken();
        Password current = Password.of(body.requiredString("current_password"));
        Password replacement = Password.of(body.requiredString("new_password"));
        String username =
                selfService.changePassword(token, current, body.optionalString("otp"), replacement, caller.client());
        return Response.ok(JsonFactories.object().add("username", username).build())
                .build();
    }

    /**
     * Sets, changes or removes ("email": "" or null) the account's email address: full
     * re-authentication first. A new address is unverified until the link sent to it is opened.
     */
    @PUT
    @Path("account/email")
    public Response changeEmail(JsonBody body) {
        var token = caller.sessionToken();
        AccountEmail email = selfService.changeEmail(
                token,
                Password.of(body.requiredString("password")),
                body.optionalString("otp"),
                body.optionalString("email"),
                caller.client());
        return Response.ok(SessionJson.withEmail(JsonFactories.object(), email.email(), email.verified())
                        .build())
                .build();
    }

    /** Deletes the account, its second factor and every session: full re-authentication first. */
    @POST
    @Path("account/delete")
    public Response deleteAccount(JsonBody body) {
        var token = caller.sessionToken();
        selfService.deleteAccount(
                token, Password.of(body.requiredString("password")), body.optionalString("otp"), caller.client());
        return Response.ok(JsonFactories.object().add("deleted", true).build()).build();
    }

    /** The user's own live sessions, the calling one marked current. */
    @GET
    @Path("sessions")
    public Response sessions() {
        JsonArrayBuilder list = JsonFactories.BUILDERS.createArrayBuilder();
        for (SessionSummary s : selfService.sessionsOf(caller.sessionToken())) {
            list.add(SessionJson.of(s).add("current", s.current()));
        }
        return Response.ok(JsonFactories.object().add("sessions", list).build()).build();
    }

    /** Ends one of the user's sessions by its id: full re-authentication first; 404 alike for unknown, ended and another's. */
    @POST
    @Path("sessions/{id}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response revokeSession(@PathParam("id") String id, JsonBody body) {
        var token = caller.sessionToken();
        selfService.revokeSession(
                token, id, Password.of(body.requiredString("password")), body.optionalString("otp"), caller.client());
        return Response.ok(JsonFactories.object().add("revoked", 1).build()).build();
    }
}
