package dev.authservice.auth.boundary;

import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;

import dev.authservice.auth.control.AuthConfig;
import dev.authservice.auth.control.Client;
import dev.authservice.auth.control.Credentials;
import dev.authservice.auth.control.IssuedSession;
import dev.authservice.auth.control.Password;
import dev.authservice.auth.control.Refusal;
import dev.authservice.auth.control.SessionView;

/**
 * Sessions: logging in and out, and the session check. Each method's {@code @APIResponses} lists
 * every status it can answer; OpenApiDocumentTest holds META-INF/openapi.yaml to those lists.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {

    /** The header that carries the authenticated username to what the front end protects. */
    static final String AUTH_USER_HEADER = "X-Auth-User";

    @Inject
    AuthBean auth;

    @Inject
    AuthConfig config;

    @Context
    HttpServletRequest request;

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
    public Response login(InputStream body) {
        IssuedSession session = auth.login(credentials(body), client());
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
    public Response logout(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        auth.logout(BearerAuthorization.token(authorization), client());
        return Responses.noStore(Response.ok(JsonFactories.object().add("revoked", 1).build())).build();
    }

    @POST
    @Path("logout-all")
    @APIResponses({
            @APIResponse(responseCode = "200"),
            @APIResponse(responseCode = "401")})
    public Response logoutAll(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        int revoked = auth.logoutAll(BearerAuthorization.token(authorization), client());
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
            return new Credentials(json.requiredString("username"), Password.of(json.requiredString("password")));
        } catch (Refusal unreadable) {
            throw Refusal.unreadableCredentials(unreadable.detail());
        }
    }

    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Who sent this request, for the security log. */
    private Client client() {
        return new Client(request.getRemoteAddr());
    }
}
