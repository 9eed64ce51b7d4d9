package dev.authservice.auth.boundary;

import dev.authservice.http.boundary.JsonFactories;
import dev.authservice.sessions.control.IssuedSession;
import jakarta.ws.rs.core.Response;

/** The answer that hands a client a new session's token: POST /login, and a sign-in with a passkey. */
public final class TokenResponse {

    private TokenResponse() {}

    public static Response of(IssuedSession session) {
        return Response.ok(JsonFactories.object()
                        .add("token", session.token().value())
                        .add("token_type", "Bearer")
                        .add("expires_in", session.expiresIn().toSeconds())
                        .build())
                // RFC 6749 §5.1: a response that carries a token must not be cached anywhere,
                // HTTP/1.0 caches included.
                .header("Pragma", "no-cache")
                .build();
    }
}
