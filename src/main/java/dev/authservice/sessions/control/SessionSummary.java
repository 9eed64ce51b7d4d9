package dev.authservice.sessions.control;

import java.time.Instant;

/** One live session as its user sees it in GET /sessions; {@code device} is the User-Agent in words. */
public record SessionSummary(
        String id,
        Instant createdAt,
        Instant lastUsedAt,
        Instant expiresAt,
        Instant idleExpiresAt,
        String client,
        String userAgent,
        String device,
        boolean current) {}
