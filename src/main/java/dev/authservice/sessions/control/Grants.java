package dev.authservice.sessions.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * What an OpenID Connect access token is worth beyond its signature: it counts while its grant
 * (the refresh token family it came with) and the portal session it came from are both live, so
 * that a revocation, a reuse, a sign-out or a disabled account ends it at once, on every instance.
 */
@ApplicationScoped
public class Grants {

    @Inject
    Sessions sessions;

    /** The portal session behind a live grant; empty if either has ended. Using it slides the session. */
    public Optional<SignedInSession> live(String family, String sessionId) {
        if (family == null || sessionId == null) {
            return Optional.empty();
        }
        return sessions.signedInWithGrant(sessionId, family);
    }
}
