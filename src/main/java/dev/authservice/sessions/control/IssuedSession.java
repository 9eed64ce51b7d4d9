package dev.authservice.sessions.control;

import dev.authservice.sessions.entity.SessionToken;
import java.time.Duration;

/**
 * What a successful login hands back: the token (shown to the client once); how long it stays
 * valid if it is not used again, the earlier of its idle and absolute deadlines; and how long it
 * can live at most, however often it is used (its absolute deadline).
 */
public record IssuedSession(String username, SessionToken token, Duration expiresIn, Duration lifetime) {}
