package dev.authservice.introspection.boundary;

import dev.authservice.auth.boundary.AuthBean;
import dev.authservice.auth.boundary.Caller;
import dev.authservice.http.boundary.JsonFactories;
import dev.authservice.http.boundary.Problem;
import dev.authservice.introspection.control.IntrospectionClients;
import dev.authservice.refusal.Refusal;
import dev.authservice.sessions.control.SessionView;
import dev.authservice.sessions.entity.SessionToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * Token introspection (RFC 7662) for API gateways. The client proves itself with HTTP Basic
 * before the token is looked at; a live session's token is active, with its user and groups;
 * anything else is exactly {"active": false}. It is the token check that GET /session makes, so
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

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response introspect(@FormParam("token") String token) {
        if (clients.authenticate(caller.header(HttpHeaders.AUTHORIZATION)).isEmpty()) {
            return Problem.response(
                            401,
                            "Introspection needs the HTTP Basic credentials of a client configured"
                                    + " in auth.introspection.clients.")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"auth-service\"")
                    .build();
        }
        if (token == null || token.isEmpty()) {
            throw Refusal.invalidRequest("The form field \"token\" is required (RFC 7662, 2.1).");
        }
        Optional<SessionToken> parsed = SessionToken.parse(token);
        if (parsed.isEmpty()) {
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
        return Response.ok(JsonFactories.object()
                        .add("active", true)
                        .add("username", session.username())
                        .add("sub", session.username())
                        .add("exp", session.idleExpiresAt().getEpochSecond())
                        .add("iat", session.createdAt().getEpochSecond())
                        .add("token_type", "Bearer")
                        .add("groups", groups)
                        .build())
                .build();
    }

    private static Response inactive() {
        return Response.ok(JsonFactories.object().add("active", false).build()).build();
    }
}
