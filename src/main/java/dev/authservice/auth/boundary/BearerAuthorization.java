package dev.authservice.auth.boundary;

import dev.authservice.refusal.Refusal;
import dev.authservice.sessions.entity.SessionToken;
import java.util.Locale;

/**
 * Parses an Authorization header of the Bearer scheme (RFC 6750 §2.1). Tokens are taken from this
 * header only, never from a query string or form field, where they would end up in access logs.
 */
public final class BearerAuthorization {

    private static final String SCHEME = "bearer";

    private BearerAuthorization() {}

    public static SessionToken token(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            throw Refusal.tokenMissing();
        }
        String header = authorizationHeader.strip();
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        if (!scheme.toLowerCase(Locale.ROOT).equals(SCHEME)) {
            throw Refusal.tokenMissing();
        }
        String credentials = space < 0 ? "" : header.substring(space + 1).strip();
        return SessionToken.parse(credentials).orElseThrow(Refusal::tokenInvalid);
    }
}
