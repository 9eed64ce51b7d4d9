package dev.authservice.auth.control;

import java.time.Duration;

/** What a successful login hands back: the token (shown to the client once) and its lifetime. */
public record IssuedSession(SessionToken token, Duration expiresIn) {
}
