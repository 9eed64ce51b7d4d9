package dev.authservice.sessions.control;

import java.time.Instant;
import java.util.List;

/** What a token check tells a front end about a live session, the user's groups included. */
public record SessionView(
        String username,
        Instant createdAt,
        Instant expiresAt,
        Instant idleExpiresAt,
        List<String> groups,
        String email,
        boolean emailVerified) {

    /** Whether the user is in at least one of {@code required}; true when none is required. */
    public boolean inAnyOf(List<String> required) {
        return required.isEmpty() || required.stream().anyMatch(groups::contains);
    }
}
