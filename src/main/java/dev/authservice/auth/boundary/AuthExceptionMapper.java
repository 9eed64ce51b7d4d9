package dev.authservice.auth.boundary;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.authservice.auth.control.AuthException;
import dev.authservice.auth.control.HashingBusyException;
import dev.authservice.auth.control.InvalidCredentialsException;
import dev.authservice.auth.control.InvalidTokenException;
import dev.authservice.auth.control.LoginThrottledException;
import dev.authservice.auth.control.PayloadTooLargeException;

/** Turns a refused request into its status code and problem+json. */
@Provider
public class AuthExceptionMapper implements ExceptionMapper<AuthException> {

    static final String REALM = "Bearer realm=\"auth-service\"";

    @Override
    public Response toResponse(AuthException e) {
        if (e instanceof InvalidTokenException token) {
            String challenge = token.tokenSent() ? REALM + ", error=\"invalid_token\"" : REALM;
            return Problem.response(401, e.detail()).header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
        }
        if (e instanceof InvalidCredentialsException) {
            return Problem.response(401, e.detail()).build();
        }
        if (e instanceof LoginThrottledException throttled) {
            return Problem.response(429, e.detail())
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()))
                    .build();
        }
        if (e instanceof HashingBusyException) {
            return Problem.response(503, e.detail()).header(HttpHeaders.RETRY_AFTER, "1").build();
        }
        if (e instanceof PayloadTooLargeException) {
            return Problem.response(413, e.detail()).header("Connection", "close").build();
        }
        return Problem.response(400, e.detail()).build();
    }
}
