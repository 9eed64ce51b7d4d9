package dev.authservice.sessions.control;

import java.time.Instant;
import java.util.List;

/**
 * A live portal session as the OpenID provider sees it: whose it is, its public id (the ID token's
 * "sid"), when and how its sign-in was proved ("auth_time", "amr"), and the user's groups now.
 */
public record SignedInSession(
        String sessionId,
        String username,
        Instant authTime,
        List<String> amr,
        List<String> groups,
        String email,
        boolean emailVerified) {

    /** Whether the user is in at least one of {@code required}; true when none is required. */
    public boolean inAnyOf(List<String> required) {
        return required.isEmpty() || required.stream().anyMatch(groups::contains);
    }
}
