package dev.authservice.introspection.boundary;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.authservice.auth.boundary.AuthBean;
import dev.authservice.auth.boundary.Caller;
import dev.authservice.auth.boundary.SessionJson;
import dev.authservice.clients.control.Clients;
import dev.authservice.http.boundary.JsonFactories;
import dev.authservice.http.boundary.Problem;
import dev.authservice.http.control.SignInSettings;
import dev.authservice.introspection.control.IntrospectionClients;
import dev.authservice.introspection.control.Introspector;
import dev.authservice.keys.control.SignedTokens;
import dev.authservice.refusal.Refusal;
import dev.authservice.sessions.control.Grants;
import dev.authservice.sessions.control.SessionView;
import dev.authservice.sessions.control.SignedInSession;
import dev.authservice.sessions.entity.SessionToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * Token introspection (RFC 7662) for API gateways and OpenID clients. The client proves itself
 * with HTTP Basic before the token is looked at; a live session's token is active, with its user
 * and groups, and so is an OpenID Connect access token whose grant and session are live (an OpenID
 * client sees only its own); anything else is exactly {"active": false}. It is the token check that GET /session makes, so
 * it costs the same and slides the idle deadline as that does (docs/administration.md says why).
 */
@Path("introspect")
@ApplicationScoped
public class IntrospectionResource {

    @Inject
    AuthBean auth;

    @Inject
    Caller caller;

    @Inject
    IntrospectionClients clients;

    @Inject
    Clients openIdClients;

    @Inject
    SignedTokens signedTokens;

    @Inject
    Grants grants;

    @Inject
    SignInSettings signIn;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response introspect(@FormParam("token") String token, @Context HttpServletRequest request) {
        Optional<Introspector> introspector =
                Introspector.of(caller.header(HttpHeaders.AUTHORIZATION), clients, openIdClients);
        if (introspector.isEmpty()) {
            return Problem.response(
                            401,
                            "Introspection needs the HTTP Basic credentials of a client configured"
                                    + " in auth.introspection.clients, or of a confidential OpenID client.")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"auth-service\"")
                    .build();
        }
        if (token == null || token.isEmpty()) {
            throw Refusal.invalidRequest("The form field \"token\" is required (RFC 7662, 2.1).");
        }
        if (token.indexOf('.') > 0) {
            return accessToken(
                    token, introspector.get(), signIn.issuer(request.getContextPath(), request.getLocalPort()));
        }
        Optional<SessionToken> parsed = SessionToken.parse(token);
        if (parsed.isEmpty() || introspector.get().openIdClient()) {
            return inactive();
        }
        SessionView session;
        try {
            session = auth.check(parsed.get());
        } catch (Refusal notLive) {
            return inactive();
        }
        JsonArrayBuilder groups = JsonFactories.BUILDERS.createArrayBuilder();
        session.groups().forEach(groups::add);
        return Response.ok(SessionJson.withEmail(
                                JsonFactories.object()
                                        .add("active", true)
                                        .add("username", session.username())
                                        .add("sub", session.username())
                                        .add("exp", session.idleExpiresAt().getEpochSecond())
                                        .add("iat", session.createdAt().getEpochSecond())
                                        .add("token_type", "Bearer")
                                        .add("groups", groups),
                                session.email(),
                                session.emailVerified())
                        .build())
                .build();
    }

    /**
     * An OpenID Connect access token: active while it has not expired and its grant and portal
     * session are live; an OpenID client sees only the tokens issued to it.
     */
    private Response accessToken(String token, Introspector introspector, String issuer) {
        Optional<JWTClaimsSet> claims = signedTokens.liveAccessToken(token, issuer);
        if (claims.isEmpty()
                || introspector.openIdClient() && !claims.get().getAudience().contains(introspector.clientId())) {
            return inactive();
        }
        JWTClaimsSet access = claims.get();
        Optional<SignedInSession> session =
                grants.live((String) access.getClaim("grant_id"), (String) access.getClaim("sid"));
        if (session.isEmpty()) {
            return inactive();
        }
        JsonArrayBuilder groups = JsonFactories.BUILDERS.createArrayBuilder();
        session.get().groups().forEach(groups::add);
        return Response.ok(SessionJson.withEmail(
                                JsonFactories.object()
                                        .add("active", true)
                                        .add("username", session.get().username())
                                        .add("sub", access.getSubject())
                                        .add("client_id", String.valueOf(access.getClaim("client_id")))
                                        .add("scope", String.valueOf(access.getClaim("scope")))
                                        .add(
                                                "exp",
                                                access.getExpirationTime()
                                                        .toInstant()
                                                        .getEpochSecond())
                                        .add(
                                                "iat",
                                                access.getIssueTime()
                                                        .toInstant()
                                                        .getEpochSecond())
                                        .add("iss", access.getIssuer())
                                        .add("aud", access.getAudience().get(0))
                                        .add("token_type", "Bearer")
                                        .add("groups", groups),
                                session.get().email(),
                                session.get().emailVerified())
                        .build())
                .build();
    }

    private static Response inactive() {
        return Response.ok(JsonFactories.object().add("active", false).build()).build();
    }
}
