package dev.authservice.auth.control;

/**
 * A bearer token that is missing, malformed, unknown, expired or revoked. {@link #tokenSent()}
 * tells RFC 6750 §3 apart: without a token the challenge carries no error code.
 */
public class InvalidTokenException extends AuthException {

    private final boolean tokenSent;

    private InvalidTokenException(String detail, boolean tokenSent) {
        super(detail);
        this.tokenSent = tokenSent;
    }

    public static InvalidTokenException missing() {
        return new InvalidTokenException("A bearer token is required in the Authorization header.", false);
    }

    public static InvalidTokenException invalid() {
        return new InvalidTokenException("The bearer token is invalid, expired or revoked.", true);
    }

    public boolean tokenSent() {
        return tokenSent;
    }
}
