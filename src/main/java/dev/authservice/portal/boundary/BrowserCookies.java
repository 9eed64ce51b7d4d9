package dev.authservice.portal.boundary;

import dev.authservice.auth.boundary.Caller;
import dev.authservice.portal.control.PortalCookies;
import dev.authservice.sessions.entity.SessionToken;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The cookies this browser sent the portal, read in one place: the session, the pending
 * second-factor step and the CSRF token, under the names PortalCookies sets them with (which
 * depend on the configuration: the session cookie's name, the {@code __Host-} prefix). A token of
 * the wrong shape counts as none.
 */
@RequestScoped
public class BrowserCookies {

    @Inject
    Caller caller;

    @Inject
    PortalCookies cookies;

    /** The session cookie's token, the one front ends check. */
    public Optional<SessionToken> session() {
        return SessionToken.parse(caller.cookie(cookies.sessionName()));
    }

    /** The token of a sign-in waiting for its second factor. */
    public Optional<SessionToken> pending() {
        return SessionToken.parse(caller.cookie(cookies.pendingName()));
    }

    /** The CSRF cookie's value as sent, or null; CsrfCheck judges it. */
    public String csrf() {
        return caller.cookie(cookies.csrfName());
    }
}
