package dev.authservice.auth.control;

import java.time.Duration;

/** A login refused by {@link LoginThrottle}; the client may try again after {@link #retryAfter()}. */
public class LoginThrottledException extends AuthException {

    private final Duration retryAfter;

    public LoginThrottledException(Duration retryAfter) {
        super("Too many failed login attempts for this account; try again later.");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up, at least one: the value of the Retry-After header. */
    public long retryAfterSeconds() {
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
