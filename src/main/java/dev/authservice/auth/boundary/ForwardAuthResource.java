package dev.authservice.auth.boundary;

import dev.authservice.http.boundary.JsonFactories;
import dev.authservice.http.boundary.RefusalMapper;
import dev.authservice.http.control.SignInSettings;
import dev.authservice.refusal.Refusal;
import dev.authservice.sessions.control.SessionView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Supplier;

/**
 * The forward-auth check front ends make on every request: GET /session (nginx auth_request) and
 * GET /forward-auth (Caddy, Traefik, Envoy). META-INF/openapi.yaml documents every status.
 */
@Path("/")
// One instance, as SessionsResource explains; request data comes as parameters.
@ApplicationScoped
public class ForwardAuthResource {

    /** The header that carries the authenticated username to what the front end protects. */
    static final String AUTH_USER_HEADER = "X-Auth-User";

    /** The user's groups, joined by ',' and encoded as X-Auth-User is. */
    static final String AUTH_GROUPS_HEADER = "X-Auth-Groups";

    /** The user's confirmed email address, encoded as X-Auth-User is; absent without one. */
    static final String AUTH_EMAIL_HEADER = "X-Auth-Email";

    private static final Supplier<Refusal> NOT_IN_GROUP =
            () -> Refusal.forbidden("Signed in, but not in any group this location requires.");

    private static final RefusalMapper REFUSALS = new RefusalMapper();

    @Inject
    AuthBean auth;

    @Inject
    Caller caller;

    @Inject
    SignInSettings portal;

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
            return noAccess(redirectBrowsers, requiredGroups);
        }
        JsonArrayBuilder groups = JsonFactories.BUILDERS.createArrayBuilder();
        session.groups().forEach(groups::add);
        return Response.ok(
                        SessionJson.withEmail(
                                        JsonFactories.object()
                                                .add("username", session.username())
                                                .add("created_at", SessionJson.iso(session.createdAt()))
                                                .add("expires_at", SessionJson.iso(session.expiresAt()))
                                                .add("idle_expires_at", SessionJson.iso(session.idleExpiresAt()))
                                                .add("groups", groups),
                                        session.email(),
                                        session.emailVerified())
                                .build(),
                        MediaType.APPLICATION_JSON_TYPE)
                .header(AUTH_USER_HEADER, AuthUserHeader.encode(session.username()))
                .header(AUTH_GROUPS_HEADER, AuthUserHeader.encodeList(session.groups()))
                .header(AUTH_EMAIL_HEADER, session.emailVerified() ? AuthUserHeader.encode(session.email()) : null)
                .build();
    }

    /**
     * Signed in, but in none of the required groups: 403, which for a browser's navigation names
     * the portal's "no access" page (in Location on /session, for nginx; as 302 on /forward-auth),
     * with the address refused and the groups it needs, for the page to name.
     */
    private Response noAccess(boolean redirectBrowsers, List<String> requiredGroups) {
        if (!caller.isBrowserNavigation()) {
            throw NOT_IN_GROUP.get();
        }
        String page = portal.noAccessUrl(caller.contextPath(), caller.originalUrl(), requiredGroups);
        if (redirectBrowsers) {
            return Response.status(Response.Status.FOUND)
                    .header(HttpHeaders.LOCATION, page)
                    .build();
        }
        return Response.fromResponse(REFUSALS.toResponse(NOT_IN_GROUP.get()))
                .header(HttpHeaders.LOCATION, page)
                .build();
    }
}
