package dev.authservice.auth.control;

import dev.authservice.accounts.control.Accounts;
import dev.authservice.accounts.entity.User;
import dev.authservice.audit.control.SecurityEvent;
import dev.authservice.audit.entity.Client;
import dev.authservice.notices.control.Notices;
import dev.authservice.passkeys.control.Passkeys;
import dev.authservice.sessions.control.IssuedSession;
import dev.authservice.sessions.control.RefreshTokens;
import dev.authservice.sessions.control.Sessions;
import dev.authservice.sessions.entity.AuthMethods;
import dev.authservice.sessions.entity.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * Opens and ends a user's ways in. Every sign-in that succeeds, whichever facade runs it, opens
 * its session here (the last sign-in noted, the event, a notice for a new device). Every use
 * case that ends a user's sessions or changes how they sign in ends them here: their sessions,
 * and every sign-in of theirs still under way (a password step waiting for its second factor, a
 * passkey ceremony), so that none finishes into a new session. Runs in the caller's transaction.
 */
@ApplicationScoped
public class SignIns {

    @Inject
    Sessions sessions;

    @Inject
    Accounts accounts;

    @Inject
    Notices notices;

    @Inject
    Event<SecurityEvent> events;

    @Inject
    PendingSignIns pendingSignIns;

    @Inject
    Passkeys passkeys;

    @Inject
    RefreshTokens refreshTokens;

    /** The account signed in: its last sign-in noted, a new session, the event that says so ({@code kind}), and a new device told. */
    public IssuedSession open(User user, Client client, AuthMethods methods, SecurityEvent.Kind kind) {
        accounts.loggedIn(user);
        IssuedSession session = sessions.open(user, client, methods);
        events.fire(SecurityEvent.of(kind, user.username(), client));
        notices.signedIn(user, client);
        return session;
    }

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
