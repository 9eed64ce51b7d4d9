package dev.authservice.auth.control;

import dev.authservice.passkeys.control.Passkeys;
import dev.authservice.sessions.control.RefreshTokens;
import dev.authservice.sessions.control.Sessions;
import dev.authservice.sessions.entity.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Ends a user's ways in: their sessions, and every sign-in of theirs still under way (a password
 * step waiting for its second factor, a passkey ceremony). Every use case that ends a user's
 * sessions or changes how they sign in, whichever facade runs it, ends them here, so that none
 * finishes into a new session. Runs in the caller's transaction.
 */
@ApplicationScoped
public class SignIns {

    @Inject
    Sessions sessions;

    @Inject
    PendingSignIns pendingSignIns;

    @Inject
    Passkeys passkeys;

    @Inject
    RefreshTokens refreshTokens;

    /**
     * Every session, every sign-in under way and every OpenID Connect refresh token; returns how
     * many sessions ended.
     */
    public int endAllOf(String username) {
        endWaitingOf(username);
        refreshTokens.endAllOf(username);
        return sessions.revokeAllOf(username);
    }

    /**
     * As {@link #endAllOf}, but the current session stays (its refresh tokens do not: an
     * application signed in before a password change signs in again); returns how many others ended.
     */
    public int endOthersOf(String username, Session current) {
        endWaitingOf(username);
        refreshTokens.endAllOf(username);
        return sessions.revokeOthersOf(username, current);
    }

    /** Only the sign-ins under way: the sessions stay. */
    public void endWaitingOf(String username) {
        pendingSignIns.endAllOf(username);
        passkeys.endCeremoniesOf(username);
    }
}
