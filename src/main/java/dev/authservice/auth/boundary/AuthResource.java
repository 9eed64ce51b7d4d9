package dev.authservice.auth.boundary;

import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.authservice.auth.control.AuthConfig;
import dev.authservice.auth.control.Credentials;
import dev.authservice.auth.control.InvalidCredentialsException;
import dev.authservice.auth.control.InvalidRequestException;
import dev.authservice.auth.control.IssuedSession;
import dev.authservice.auth.control.LoginThrottledException;
import dev.authservice.auth.control.SecurityEvents;
import dev.authservice.auth.control.SessionView;

/** The HTTP face of the service: parse the request, call {@link AuthBean}, choose the status. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    /** The header that carries the authenticated username to what the front end protects. */
    static final String AUTH_USER_HEADER = "X-Auth-User";

    @Inject
    AuthBean auth;

    @Inject
    AuthConfig config;

    @Inject
    SecurityEvents events;

    @Context
    HttpServletRequest request;

    @POST
    @Path("register")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(InputStream body) {
        String username = auth.register(credentials(body));
        events.registered(username, client());
        return Response.status(Response.Status.CREATED)
                .entity(JsonFactories.object().add("username", username).build())
                .build();
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(InputStream body) {
        Credentials credentials;
        try {
            credentials = credentials(body);
        } catch (InvalidRequestException e) {
            throw InvalidCredentialsException.unreadable(e.detail());
        }
        IssuedSession session;
        try {
            session = auth.login(credentials);
        } catch (InvalidCredentialsException e) {
            events.loginFailed(credentials.username(), client());
            throw e;
        } catch (LoginThrottledException e) {
            events.loginThrottled(credentials.username(), client());
            throw e;
        }
        events.loginSucceeded(session.username(), client());
        return noStore(Response.ok(JsonFactories.object()
                        .add("token", session.token().value())
                        .add("token_type", "Bearer")
                        .add("expires_in", session.expiresIn().toSeconds())
                        .build()))
                // RFC 6749 §5.1: a response that carries a token must not be cached anywhere.
                .header("Pragma", "no-cache")
                .build();
    }

    @POST
    @Path("logout")
    public Response logout(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        String username = auth.logout(BearerAuthorization.token(authorization));
        events.loggedOut(username, client(), 1);
        return noStore(Response.ok(JsonFactories.object().add("revoked", 1).build())).build();
    }

    @POST
    @Path("logout-all")
    public Response logoutAll(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        var token = BearerAuthorization.token(authorization);
        String username = auth.check(token).username();
        int revoked = auth.logoutAll(token);
        events.loggedOut(username, client(), revoked);
        return noStore(Response.ok(JsonFactories.object().add("revoked", revoked).build())).build();
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, InputStream body) {
        var token = BearerAuthorization.token(authorization);
        JsonBody json = JsonBody.read(body, config.maxBodyBytes());
        String current = json.requiredString("current_password");
        String replacement = json.requiredString("new_password");
        String username = auth.check(token).username();
        try {
            auth.changePassword(token, current, replacement);
        } catch (InvalidCredentialsException e) {
            events.passwordChangeFailed(username, client());
            throw e;
        } catch (LoginThrottledException e) {
            events.loginThrottled(username, client());
            throw e;
        }
        events.passwordChanged(username, client());
        return noStore(Response.ok(JsonFactories.object().add("username", username).build())).build();
    }

    /**
     * The session check for front ends (nginx auth_request, Traefik ForwardAuth). 200 with the
     * session and X-Auth-User, or 401 as for /logout.
     */
    @GET
    @Path("session")
    public Response session(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        SessionView session = auth.check(BearerAuthorization.token(authorization));
        return noStore(Response.ok(JsonFactories.object()
                        .add("username", session.username())
                        .add("created_at", iso(session.createdAt()))
                        .add("expires_at", iso(session.expiresAt()))
                        .add("idle_expires_at", iso(session.idleExpiresAt()))
                        .build()))
                .header(AUTH_USER_HEADER, AuthUserHeader.encode(session.username()))
                .build();
    }

    /*
     * Envoy's HTTP ext_authz calls /session + the original path with the original method; each of
     * those is the same session check.
     */

    @GET
    @Path("session/{path: .*}")
    public Response sessionForPath(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return session(authorization);
    }

    @POST
    @Path("session/{path: .*}")
    public Response sessionForPost(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return session(authorization);
    }

    @PUT
    @Path("session/{path: .*}")
    public Response sessionForPut(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return session(authorization);
    }

    @PATCH
    @Path("session/{path: .*}")
    public Response sessionForPatch(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return session(authorization);
    }

    @DELETE
    @Path("session/{path: .*}")
    public Response sessionForDelete(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return session(authorization);
    }

    private Credentials credentials(InputStream body) {
        JsonBody json = JsonBody.read(body, config.maxBodyBytes());
        return new Credentials(json.requiredString("username"), json.requiredString("password"));
    }

    private String client() {
        return request == null ? null : request.getRemoteAddr();
    }

    private static Response.ResponseBuilder noStore(Response.ResponseBuilder response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
