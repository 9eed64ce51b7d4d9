package dev.authservice.auth.boundary;

import dev.authservice.accounts.control.Credentials;
import dev.authservice.hashing.entity.Password;
import dev.authservice.http.boundary.Caller;
import dev.authservice.http.boundary.JsonBody;
import dev.authservice.http.boundary.JsonFactories;
import dev.authservice.http.boundary.RefusalMapper;
import dev.authservice.portal.control.PortalSettings;
import dev.authservice.refusal.Refusal;
import dev.authservice.sessions.control.SessionSummary;
import dev.authservice.sessions.control.SessionView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Supplier;

/**
 * Sessions: logging in and out, the forward-auth check, and the user's own list of sessions.
 * META-INF/openapi.yaml documents every status each method answers.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
// One instance for the application: per request, Jersey would build the resource and inject its
// EJB reference again, which cost about a sixth of a token check. Request data comes as parameters.
@ApplicationScoped
public class SessionsResource {

    /** The header that carries the authenticated username to what the front end protects. */
    static final String AUTH_USER_HEADER = "X-Auth-User";

    /** The user's groups, joined by ',' and encoded as X-Auth-User is. */
    static final String AUTH_GROUPS_HEADER = "X-Auth-Groups";

    private static final Supplier<Refusal> NOT_IN_GROUP =
            () -> Refusal.forbidden("Signed in, but not in any group this location requires.");

    @Inject
    AuthBean auth;

    @Inject
    Caller caller;

    @Inject
    PortalSettings portal;

    private static final RefusalMapper REFUSALS = new RefusalMapper();

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

    /**
     * The forward-auth check for front ends that turn its 401 into the browser's answer themselves
     * (nginx auth_request): 200 with the session and X-Auth-User, or 401 as for /logout, which for
     * a browser's navigation also names the sign-in page in Location. The session comes from the
     * Bearer header or, failing that, the session cookie. Every request for a path under /session
     * arrives here as GET /session (ForwardAuthPaths).
     */
    @GET
    @Path("session")
    // Whatever the browser accepts: front ends pass its Accept header on, and the check must answer.
    @Produces(MediaType.WILDCARD)
    public Response session(@QueryParam("group") List<String> groups) {
        return check(false, groups);
    }

    /**
     * The same check for front ends that hand its answer to the browser (Caddy forward_auth,
     * Traefik ForwardAuth, Envoy ext_authz): a browser's navigation without a live session gets
     * 302 to the sign-in page; everything else gets what /session gives.
     */
    @GET
    @Path("forward-auth")
    @Produces(MediaType.WILDCARD)
    public Response forwardAuth(@QueryParam("group") List<String> groups) {
        return check(true, groups);
    }

    /**
     * The check of both: a live session (of the Bearer header or the cookie) whose user is in one
     * of the required groups, if any are. 401 means not signed in; 403, signed in but in none of
     * them.
     */
    private Response check(boolean redirectBrowsers, List<String> requiredGroups) {
        SessionView session;
        try {
            session = auth.check(caller.sessionToken(portal.cookieName()));
        } catch (Refusal notSignedIn) {
            if (!caller.isBrowserNavigation()) {
                throw notSignedIn;
            }
            String signIn = portal.signInUrl(caller.contextPath(), caller.originalUrl());
            if (redirectBrowsers) {
                return Response.status(Response.Status.FOUND)
                        .header(HttpHeaders.LOCATION, signIn)
                        .build();
            }
            return Response.fromResponse(REFUSALS.toResponse(notSignedIn))
                    .header(HttpHeaders.LOCATION, signIn)
                    .build();
        }
        if (!session.inAnyOf(requiredGroups)) {
            auth.refuseAccess(session.username(), requiredGroups, caller.client());
            return noAccess(redirectBrowsers);
        }
        JsonArrayBuilder groups = JsonFactories.BUILDERS.createArrayBuilder();
        session.groups().forEach(groups::add);
        return Response.ok(
                        JsonFactories.object()
                                .add("username", session.username())
                                .add("created_at", SessionJson.iso(session.createdAt()))
                                .add("expires_at", SessionJson.iso(session.expiresAt()))
                                .add("idle_expires_at", SessionJson.iso(session.idleExpiresAt()))
                                .add("groups", groups)
                                .build(),
                        MediaType.APPLICATION_JSON_TYPE)
                .header(AUTH_USER_HEADER, AuthUserHeader.encode(session.username()))
                .header(AUTH_GROUPS_HEADER, AuthUserHeader.encodeList(session.groups()))
                .build();
    }

    /**
     * Signed in, but in none of the required groups: 403, which for a browser's navigation names
     * the portal's "no access" page (in Location on /session, for nginx; as 302 on /forward-auth).
     */
    private Response noAccess(boolean redirectBrowsers) {
        if (!caller.isBrowserNavigation()) {
            throw NOT_IN_GROUP.get();
        }
        String page = portal.base(caller.contextPath()) + "/portal/no-access";
        if (redirectBrowsers) {
            return Response.status(Response.Status.FOUND)
                    .header(HttpHeaders.LOCATION, page)
                    .build();
        }
        return Response.fromResponse(REFUSALS.toResponse(NOT_IN_GROUP.get()))
                .header(HttpHeaders.LOCATION, page)
                .build();
    }

    /** The user's own live sessions, the calling one marked current. */
    @GET
    @Path("sessions")
    public Response sessions() {
        JsonArrayBuilder list = JsonFactories.BUILDERS.createArrayBuilder();
        for (SessionSummary s : auth.sessionsOf(caller.sessionToken())) {
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
        auth.revokeSession(
                token, id, Password.of(body.requiredString("password")), body.optionalString("otp"), caller.client());
        return Response.ok(JsonFactories.object().add("revoked", 1).build()).build();
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
