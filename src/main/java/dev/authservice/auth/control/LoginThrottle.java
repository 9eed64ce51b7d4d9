package dev.authservice.auth.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Brute-force throttling per account name, the same for names that exist and names that do not.
 * After {@code freeFailures} consecutive failures every attempt is refused for a delay that
 * doubles (1 s, 2 s, 4 s … up to {@code maxDelay}), even with the right password; a success
 * resets the count; an account never takes more than {@code maxFailuresPerHour} failures an hour.
 *
 * <p>An attempt is counted before its password is checked, so simultaneous guesses cannot slip
 * past the limit, and a throttled attempt costs no hashing. State lives in a bounded Caffeine
 * cache: each name is updated atomically under its own hash-bin lock, never one global lock or
 * one database row (keycloak#11699), and a flood of random names evicts rather than grows.
 *
 * <p>A name's record is kept for {@link #MEMORY} after its last attempt, so an attacker who
 * waits finds the count and the doubling delay where they were, and NIST SP 800-63B's bound of
 * 100 consecutive failures holds across days, not only within an hour.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Duration HOUR = Duration.ofHours(1);

    /** How long a name's record outlives its last attempt. */
    static final Duration MEMORY = Duration.ofHours(24);

    private Clock clock;
    private int freeFailures;
    private Duration maxDelay;
    private int maxFailuresPerHour;
    private Cache<String, Attempts> attempts;

    protected LoginThrottle() {
        // for the CDI proxy
    }

    @Inject
    public LoginThrottle(AuthConfig config, Clock clock) {
        this(clock, config.throttleFreeFailures(), config.throttleMaxDelay(),
                config.throttleMaxFailuresPerHour(), config.throttleMaxTrackedNames());
    }

    LoginThrottle(Clock clock, int freeFailures, Duration maxDelay, int maxFailuresPerHour, long maxTrackedNames) {
        this.clock = clock;
        this.freeFailures = freeFailures;
        this.maxDelay = maxDelay;
        this.maxFailuresPerHour = maxFailuresPerHour;
        this.attempts = Caffeine.newBuilder()
                .maximumSize(maxTrackedNames)
                .expireAfterAccess(longerOf(MEMORY, HOUR.plus(maxDelay)))
                // Expiry follows the injected clock, so tests move it instead of waiting a day.
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                // Upkeep on the calling request's thread, not a shared pool: no task of this
                // application may still run (and read its clock) after it is undeployed.
                .executor(Runnable::run)
                .build();
    }

    private static Duration longerOf(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Counts an attempt for this name, or refuses it while the name is throttled. */
    public void beginAttempt(String name) {
        AtomicReference<Duration> refusal = new AtomicReference<>();
        attempts.asMap().compute(name, (key, previous) -> {
            Instant now = clock.instant();
            Attempts current = previous == null ? Attempts.none(now) : previous.inHourOf(now);
            if (now.isBefore(current.lockedUntil())) {
                refusal.set(Duration.between(now, current.lockedUntil()));
                return current;
            }
            if (current.failuresThisHour() >= maxFailuresPerHour) {
                refusal.set(Duration.between(now, current.hourStart().plus(HOUR)));
                return current;
            }
            return current.counted(now, this::delayAfter);
        });
        if (refusal.get() != null) {
            throw Refusal.throttled(refusal.get());
        }
    }

    /** The attempt begun for this name succeeded: it was no failure, and the count starts over. */
    public void succeeded(String name) {
        attempts.asMap().computeIfPresent(name, (key, current) -> current.succeeded());
    }

    long trackedNames() {
        attempts.cleanUp();
        return attempts.estimatedSize();
    }

    private Duration delayAfter(int consecutiveFailures) {
        int beyondFree = consecutiveFailures - freeFailures;
        if (beyondFree < 0) {
            return Duration.ZERO;
        }
        if (beyondFree >= 30) {
            return maxDelay;
        }
        Duration doubling = Duration.ofSeconds(1L << beyondFree);
        return doubling.compareTo(maxDelay) > 0 ? maxDelay : doubling;
    }

    /** One name's record; immutable, replaced atomically. */
    record Attempts(int consecutiveFailures, Instant lockedUntil, Instant hourStart, int failuresThisHour) {

        static Attempts none(Instant now) {
            return new Attempts(0, Instant.MIN, now, 0);
        }

        Attempts inHourOf(Instant now) {
            return now.isBefore(hourStart.plus(HOUR)) ? this : new Attempts(consecutiveFailures, lockedUntil, now, 0);
        }

        Attempts counted(Instant now, java.util.function.IntFunction<Duration> delayAfter) {
            int failures = consecutiveFailures + 1;
            Duration delay = delayAfter.apply(failures);
            Instant lock = delay.isZero() ? Instant.MIN : now.plus(delay);
            return new Attempts(failures, lock, hourStart, failuresThisHour + 1);
        }

        Attempts succeeded() {
            return new Attempts(0, Instant.MIN, hourStart, Math.max(0, failuresThisHour - 1));
        }
    }
}
