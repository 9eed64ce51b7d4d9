package dev.authservice.oidc.control;

import jakarta.ejb.ApplicationException;

/**
 * A refusal in OAuth's words (RFC 6749, section 5.2, and OpenID Connect Core, section 3.1.2.6):
 * the error code a client reads, a description for its developer (never a secret), and the HTTP
 * status of the endpoint that answers it. Rolls back what its use case wrote, as a Refusal does.
 */
@ApplicationException(rollback = true)
public final class OAuthError extends RuntimeException {

    private final String error;
    private final int status;

    public OAuthError(String error, String description, int status) {
        super(description, null, false, false);
        this.error = error;
        this.status = status;
    }

    public static OAuthError invalidRequest(String description) {
        return new OAuthError("invalid_request", description, 400);
    }

    public static OAuthError invalidGrant(String description) {
        return new OAuthError("invalid_grant", description, 400);
    }

    public static OAuthError invalidClient() {
        return new OAuthError("invalid_client", "The client is unknown or its credentials are wrong.", 401);
    }

    public static OAuthError invalidToken(String description) {
        return new OAuthError("invalid_token", description, 401);
    }

    public String error() {
        return error;
    }

    public String description() {
        return getMessage();
    }

    public int status() {
        return status;
    }
}
