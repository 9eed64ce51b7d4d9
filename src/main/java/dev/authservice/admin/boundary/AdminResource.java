package dev.authservice.admin.boundary;

import dev.authservice.auth.boundary.Caller;
import dev.authservice.auth.boundary.SessionJson;
import dev.authservice.hashing.entity.Password;
import dev.authservice.http.boundary.JsonBody;
import dev.authservice.http.boundary.JsonFactories;
import dev.authservice.refusal.Refusal;
import dev.authservice.sessions.control.SessionSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The admin API: accounts, their groups and sessions, for administrators (members of
 * auth.admin.group) whose session proved a second factor. A username in a path is the canonical
 * name, percent-encoded. META-INF/openapi.yaml documents every status each method answers.
 */
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class AdminResource {

    private static final int DEFAULT_PAGE = 50;

    @Inject
    AdminActions adminActions;

    @Inject
    Caller caller;

    @GET
    @Path("users")
    public Response users(
            @QueryParam("search") String search, @QueryParam("first") String first, @QueryParam("max") String max) {
        var token = caller.sessionToken();
        int from = number("first", first, 0);
        int size = number("max", max, DEFAULT_PAGE);
        AdminUserPage page = adminActions.listUsers(token, search, from, size, caller.client());
        JsonArrayBuilder users = JsonFactories.BUILDERS.createArrayBuilder();
        page.users().forEach(user -> users.add(json(user)));
        return Response.ok(JsonFactories.object()
                        .add("users", users)
                        .add("first", from)
                        .add("max", size)
                        .add("more", page.more())
                        .build())
                .build();
    }

    @GET
    @Path("users/{username}")
    public Response user(@PathParam("username") String username) {
        AdminUser user = adminActions.user(caller.sessionToken(), username, caller.client());
        JsonArrayBuilder sessions = JsonFactories.BUILDERS.createArrayBuilder();
        for (SessionSummary s : user.sessions()) {
            sessions.add(SessionJson.of(s));
        }
        return Response.ok(json(user)
                        .add("sessions", sessions)
                        .add("passkeys", user.passkeys())
                        .build())
                .build();
    }

    @POST
    @Path("users")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonBody body) {
        var token = caller.sessionToken();
        String username = adminActions.createUser(
                token,
                body.requiredString("username"),
                Password.of(body.requiredString("password")),
                body.optionalStringList("groups"),
                caller.client());
        return Response.status(Response.Status.CREATED)
                .header(
                        "Location",
                        "admin/users/"
                                + URLEncoder.encode(username, StandardCharsets.UTF_8)
                                        .replace("+", "%20"))
                .entity(JsonFactories.object().add("username", username).build())
                .build();
    }

    @POST
    @Path("users/{username}/disable")
    public Response disable(@PathParam("username") String username) {
        int ended = adminActions.disableUser(caller.sessionToken(), username, caller.client());
        return Response.ok(JsonFactories.object()
                        .add("username", username)
                        .add("disabled", true)
                        .add("revoked", ended)
                        .build())
                .build();
    }

    @POST
    @Path("users/{username}/enable")
    public Response enable(@PathParam("username") String username) {
        adminActions.enableUser(caller.sessionToken(), username, caller.client());
        return Response.ok(JsonFactories.object()
                        .add("username", username)
                        .add("disabled", false)
                        .build())
                .build();
    }

    @POST
    @Path("users/{username}/logout")
    public Response logout(@PathParam("username") String username) {
        return revoked(username, adminActions.logoutUser(caller.sessionToken(), username, caller.client()));
    }

    @POST
    @Path("users/{username}/second-factor/reset")
    public Response resetSecondFactor(@PathParam("username") String username) {
        return revoked(username, adminActions.resetSecondFactor(caller.sessionToken(), username, caller.client()));
    }

    @POST
    @Path("users/{username}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response password(@PathParam("username") String username, JsonBody body) {
        var token = caller.sessionToken();
        Password password = Password.of(body.requiredString("password"));
        return revoked(username, adminActions.setPassword(token, username, password, caller.client()));
    }

    @PUT
    @Path("users/{username}/groups")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response groups(@PathParam("username") String username, JsonBody body) {
        var token = caller.sessionToken();
        List<String> groups = adminActions.setGroups(token, username, body.stringList(), caller.client());
        JsonArrayBuilder names = JsonFactories.BUILDERS.createArrayBuilder();
        groups.forEach(names::add);
        return Response.ok(JsonFactories.object()
                        .add("username", username)
                        .add("groups", names)
                        .build())
                .build();
    }

    /** Sets or removes ("email": "" or null) the account's address; an administrator's address counts as verified. */
    @PUT
    @Path("users/{username}/email")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response email(@PathParam("username") String username, JsonBody body) {
        String email =
                adminActions.setEmail(caller.sessionToken(), username, body.optionalString("email"), caller.client());
        return Response.ok(SessionJson.withEmail(JsonFactories.object().add("username", username), email, true)
                        .build())
                .build();
    }

    @DELETE
    @Path("users/{username}")
    public Response delete(@PathParam("username") String username) {
        int ended = adminActions.deleteUser(caller.sessionToken(), username, caller.client());
        return Response.ok(JsonFactories.object()
                        .add("username", username)
                        .add("deleted", true)
                        .add("revoked", ended)
                        .build())
                .build();
    }

    private static Response revoked(String username, int ended) {
        return Response.ok(JsonFactories.object()
                        .add("username", username)
                        .add("revoked", ended)
                        .build())
                .build();
    }

    private static JsonObjectBuilder json(AdminUser user) {
        JsonArrayBuilder groups = JsonFactories.BUILDERS.createArrayBuilder();
        user.groups().forEach(groups::add);
        return SessionJson.withEmail(JsonFactories.object(), user.email(), user.emailVerified())
                .add("username", user.username())
                .add("created_at", SessionJson.iso(user.createdAt()))
                .add(
                        "last_login_at",
                        user.lastLoginAt() == null ? JsonValue.NULL : string(SessionJson.iso(user.lastLoginAt())))
                .add("disabled", user.disabled())
                .add("password_change_due", user.passwordChangeDue())
                .add("groups", groups)
                .add("second_factor", user.secondFactor())
                .add("live_sessions", user.liveSessions());
    }

    /** A query parameter that must be a whole number when present. */
    private static int number(String name, String value, int absent) {
        if (value == null || value.isEmpty()) {
            return absent;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException notANumber) {
            throw Refusal.invalidRequest("The parameter \"" + name + "\" must be a whole number.");
        }
    }

    private static JsonValue string(String text) {
        return JsonFactories.PROVIDER.createValue(text);
    }
}
