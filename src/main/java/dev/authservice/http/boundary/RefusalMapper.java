package dev.authservice.http.boundary;

import dev.authservice.refusal.Refusal;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** Turns a refused request into its status code, headers and problem+json. */
@Provider
public class RefusalMapper implements ExceptionMapper<Refusal> {

    /** RFC 6750 §3: the challenge of every 401 for a bearer token. */
    static final String CHALLENGE = "Bearer realm=\"auth-service\"";

    @Override
    public Response toResponse(Refusal refusal) {
        Response.ResponseBuilder response = refusal.reason() == Refusal.Reason.SECOND_FACTOR_REQUIRED
                ? Problem.response(401, refusal.detail(), Map.of("mfa_required", true))
                : Problem.response(status(refusal.reason()), refusal.detail());
        switch (refusal.reason()) {
            case TOKEN_MISSING -> response.header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
            case TOKEN_INVALID ->
                response.header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE + ", error=\"invalid_token\"");
            case THROTTLED, HASHING_BUSY, BUSY ->
                response.header(HttpHeaders.RETRY_AFTER, Long.toString(refusal.retryAfterSeconds()));
            default -> {}
        }
        return response.build();
    }

    static int status(Refusal.Reason reason) {
        return switch (reason) {
            case INVALID_REQUEST, USERNAME_TAKEN, WEAK_PASSWORD -> 400;
            case INVALID_CREDENTIALS,
                    TOKEN_MISSING,
                    TOKEN_INVALID,
                    SECOND_FACTOR_REQUIRED,
                    SIGN_IN_EXPIRED,
                    PASSKEY_REFUSED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case THROTTLED -> 429;
            case HASHING_BUSY, BUSY -> 503;
        };
    }
}
