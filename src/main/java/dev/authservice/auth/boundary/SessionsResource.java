package dev.authservice.auth.boundary;

import dev.authservice.http.boundary.BearerAuthorization;
import dev.authservice.http.boundary.JsonBody;
import dev.authservice.http.boundary.JsonFactories;
import dev.authservice.http.boundary.RequestClient;
import dev.authservice.http.boundary.Responses;

import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;

import dev.authservice.http.boundary.RequestSettings;
import dev.authservice.accounts.control.Credentials;
import dev.authservice.sessions.control.IssuedSession;
import dev.authservice.hashing.entity.Password;
import dev.authservice.refusal.Refusal;
import dev.authservice.sessions.control.SessionSummary;
import dev.authservice.sessions.control.SessionView;

/**
 * Sessions: logging in and out, the session check, and the user's own list of sessions. Each method's {@code @APIResponses} lists
 * every status it can answer; OpenApiDocumentTest holds META-INF/openapi.yaml to those lists.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
// One instance for the application: per request, Jersey would build the resource and inject its
// EJB reference again, which cost about a sixth of a token check. Request data comes as parameters.
@ApplicationScoped
public class SessionsResource {

    /** The header that carries the authenticated username to what the front end protects. */
    static final String AUTH_USER_HEADER = "X-Auth-User";

    @Inject
    AuthBean auth;

    @Inject
    RequestSettings config;

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponses({
            @APIResponse(responseCode = "200"),
            @APIResponse(responseCode = "401"),
            @APIResponse(responseCode = "413"),
            @APIResponse(responseCode = "415"),
            @APIResponse(responseCode = "429"),
            @APIResponse(responseCode = "503")})
    public Response login(InputStream body, @Context HttpServletRequest request) {
        IssuedSession session = auth.login(credentials(body), RequestClient.of(request));
        return Responses.noStore(Response.ok(JsonFactories.object()
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
    @APIResponses({
            @APIResponse(responseCode = "200"),
            @APIResponse(responseCode = "401")})
    public Response logout(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Context HttpServletRequest request) {
        auth.logout(BearerAuthorization.token(authorization), RequestClient.of(request));
        return Responses.noStore(Response.ok(JsonFactories.object().add("revoked", 1).build())).build();
    }

    @POST
    @Path("logout-all")
    @APIResponses({
            @APIResponse(responseCode = "200"),
            @APIResponse(responseCode = "401")})
    public Response logoutAll(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Context HttpServletRequest request) {
        int revoked = auth.logoutAll(BearerAuthorization.token(authorization), RequestClient.of(request));
        return Responses.noStore(Response.ok(JsonFactories.object().add("revoked", revoked).build())).build();
    }

    /**
     * The session check for front ends (nginx auth_request, Caddy forward_auth, Traefik
     * ForwardAuth). 200 with the session and X-Auth-User, or 401 as for /logout.
     */
    @GET
    @Path("session")
    @APIResponses({
            @APIResponse(responseCode = "200"),
            @APIResponse(responseCode = "401")})
    public Response session(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return checked(auth.check(BearerAuthorization.token(authorization)));
    }

    /** The user's own live sessions, the calling one marked current. */
    @GET
    @Path("sessions")
    @APIResponses({
            @APIResponse(responseCode = "200"),
            @APIResponse(responseCode = "401")})
    public Response sessions(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        JsonArrayBuilder list = JsonFactories.BUILDERS.createArrayBuilder();
        for (SessionSummary s : auth.sessionsOf(BearerAuthorization.token(authorization))) {
            list.add(JsonFactories.object()
                    .add("id", s.id())
                    .add("created_at", iso(s.createdAt()))
                    .add("last_used_at", iso(s.lastUsedAt()))
                    .add("expires_at", iso(s.expiresAt()))
                    .add("idle_expires_at", iso(s.idleExpiresAt()))
                    .add("client", nullable(s.client()))
                    .add("user_agent", nullable(s.userAgent()))
                    .add("current", s.current()));
        }
        return Responses.noStore(Response.ok(JsonFactories.object().add("sessions", list).build())).build();
    }

    /** Ends one of the user's sessions by its id: full re-authentication first; 404 alike for unknown, ended and another's. */
    @POST
    @Path("sessions/{id}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponses({
            @APIResponse(responseCode = "200"),
            @APIResponse(responseCode = "400"),
            @APIResponse(responseCode = "401"),
            @APIResponse(responseCode = "404"),
            @APIResponse(responseCode = "413"),
            @APIResponse(responseCode = "415"),
            @APIResponse(responseCode = "429"),
            @APIResponse(responseCode = "503")})
    public Response revokeSession(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String id, InputStream body, @Context HttpServletRequest request) {
        var token = BearerAuthorization.token(authorization);
        JsonBody json = JsonBody.read(body, config.maxBodyBytes());
        auth.revokeSession(token, id, Password.of(json.requiredString("password")), json.optionalString("otp"), RequestClient.of(request));
        return Responses.noStore(Response.ok(JsonFactories.object().add("revoked", 1).build())).build();
    }

    private static JsonValue nullable(String text) {
        return text == null ? JsonValue.NULL : JsonFactories.PROVIDER.createValue(text);
    }

    /** The answer to a successful session check, for this path and the forward-auth ones. */
    static Response checked(SessionView session) {
        return Responses.noStore(Response.ok(JsonFactories.object()
                        .add("username", session.username())
                        .add("created_at", iso(session.createdAt()))
                        .add("expires_at", iso(session.expiresAt()))
                        .add("idle_expires_at", iso(session.idleExpiresAt()))
                        .build()))
                .header(AUTH_USER_HEADER, AuthUserHeader.encode(session.username()))
                .build();
    }

    /** Login answers every failure with 401, an unreadable body included, as the spec does. */
    private Credentials credentials(InputStream body) {
        try {
            JsonBody json = JsonBody.read(body, config.maxBodyBytes());
            return new Credentials(json.requiredString("username"), Password.of(json.requiredString("password")),
                    json.optionalString("otp"));
        } catch (Refusal unreadable) {
            throw Refusal.unreadableCredentials(unreadable.detail());
        }
    }

    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
