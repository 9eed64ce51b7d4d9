package dev.authservice.admin.boundary;

import dev.authservice.sessions.control.SessionSummary;
import java.time.Instant;
import java.util.List;

/**
 * An account as the admin API shows it; {@code sessions} only when one account is asked for
 * (null in the list), and {@code passkeys} then too (0 in the list).
 */
public record AdminUser(
        String username,
        Instant createdAt,
        Instant lastLoginAt,
        boolean disabled,
        boolean passwordChangeDue,
        String email,
        boolean emailVerified,
        List<String> groups,
        boolean secondFactor,
        long liveSessions,
        List<SessionSummary> sessions,
        int passkeys) {}
