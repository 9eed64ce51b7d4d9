package dev.authservice.sessions.control;

import java.time.Instant;

/** What a token check tells a front end about a live session. */
public record SessionView(String username, Instant createdAt, Instant expiresAt, Instant idleExpiresAt) {}
