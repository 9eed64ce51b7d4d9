package dev.authservice.auth.control;

import dev.authservice.sessions.control.IssuedSession;
import dev.authservice.sessions.entity.SessionToken;

/**
 * Where a browser's sign-in stands after a step: signed in with a new session, or waiting for its
 * second factor under a pending token. Either way, whether to keep the cookie past the browser's
 * end and where to go afterwards (null: the default) come along.
 */
public record PortalSignIn(IssuedSession session, SessionToken pending, boolean keepSignedIn, String redirect) {

    public static PortalSignIn signedIn(IssuedSession session, boolean keepSignedIn, String redirect) {
        return new PortalSignIn(session, null, keepSignedIn, redirect);
    }

    public static PortalSignIn awaitingSecondFactor(SessionToken pending, boolean keepSignedIn, String redirect) {
        return new PortalSignIn(null, pending, keepSignedIn, redirect);
    }

    public boolean isSignedIn() {
        return session != null;
    }
}
