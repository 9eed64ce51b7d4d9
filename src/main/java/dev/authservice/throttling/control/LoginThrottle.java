package dev.authservice.throttling.control;

import dev.authservice.audit.entity.Client;
import dev.authservice.refusal.Refusal;
import dev.authservice.throttling.entity.ThrottleRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Brute-force throttling per account name, the same for names that exist and names that do not.
 * After {@code freeFailures} consecutive failures every attempt is refused for a delay that
 * doubles (1 s, 2 s, 4 s … up to {@code maxDelay}), even with the right password; a success
 * resets the count; an account never takes more than {@code maxFailuresPerHour} failures an hour.
 *
 * <p>An attempt is counted before its password is checked, so simultaneous guesses cannot slip
 * past the limit, and a throttled attempt costs no hashing. Each name's state is one row in the
 * database ({@link AttemptStore}), changed under that row's lock; a count commits in a transaction
 * of its own, so every instance on the database counts the same attempts; never one lock or one
 * row for all names (keycloak#11699).
 *
 * <p>A name's record is kept for {@link #MEMORY} after its last attempt, so an attacker who
 * waits finds the count and the doubling delay where they were, and NIST SP 800-63B's bound of
 * 100 consecutive failures holds across days, not only within an hour. {@link ThrottleForgetting} forgets
 * older records, and the least recently tried names beyond {@code maxTrackedNames}.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Duration HOUR = Duration.ofHours(1);

    /** How long a name's record outlives its last attempt. */
    static final Duration MEMORY = Duration.ofHours(24);

    /** A lost race to create a name's first record is retried; more than this is a database fault. */
    private static final int ATTEMPTS_TO_UPDATE = 3;

    private Clock clock;
    private int freeFailures;
    private Duration maxDelay;
    private int maxFailuresPerHour;
    private long maxTrackedNames;
    private AttemptStore store;

    @Inject
    Event<AccountLocked> locked;

    protected LoginThrottle() {
        // for the CDI proxy
    }

    @Inject
    public LoginThrottle(ThrottleSettings settings, Clock clock, AttemptStore store) {
        this(
                clock,
                settings.freeFailures(),
                settings.maxDelay(),
                settings.maxFailuresPerHour(),
                settings.maxTrackedNames(),
                store);
    }

    LoginThrottle(
            Clock clock,
            int freeFailures,
            Duration maxDelay,
            int maxFailuresPerHour,
            long maxTrackedNames,
            AttemptStore store) {
        this.clock = clock;
        this.freeFailures = freeFailures;
        this.maxDelay = maxDelay;
        this.maxFailuresPerHour = maxFailuresPerHour;
        this.maxTrackedNames = maxTrackedNames;
        this.store = store;
    }

    /** Counts an attempt for this name, or refuses it while the name is throttled; returns the count, for {@link #refund}. */
    public Counted beginAttempt(String name) {
        return beginAttempt(name, Client.NONE);
    }

    /**
     * {@link #beginAttempt(String)} for an attempt from {@code client}: the first attempt refused in
     * a run of failures fires {@link AccountLocked}, once its count has committed.
     */
    public Counted beginAttempt(String name, Client client) {
        AtomicReference<Duration> wait = new AtomicReference<>();
        AtomicReference<Counted> counted = new AtomicReference<>();
        AtomicBoolean firstRefusal = new AtomicBoolean();
        Instant now = clock.instant();
        update(name, now, record -> {
            wait.set(record.waitAt(now, maxFailuresPerHour));
            if (wait.get().isZero()) {
                ThrottleRecord before = record.copy();
                record.countFailure(now, delayAfter(record.consecutiveFailures() + 1));
                counted.set(new Counted(name, before, record.copy()));
            } else {
                firstRefusal.set(record.firstRefusal());
            }
        });
        if (!wait.get().isZero()) {
            if (firstRefusal.get() && locked != null) {
                locked.fire(new AccountLocked(name, client));
            }
            throw Refusal.throttled(wait.get());
        }
        return counted.get();
    }

    /**
     * Gives back an attempt that never got to check its password (the service was too busy to
     * hash it). If no other attempt was counted since, the record is as it was before; otherwise
     * the count goes down by one and any delay already running stays.
     */
    public void refund(Counted attempt) {
        update(attempt.name(), clock.instant(), current -> {
            if (current.sameStateAs(attempt.after())) {
                current.restore(attempt.before());
            } else {
                current.withoutOneFailure();
            }
        });
    }

    /**
     * The attempt begun for this name succeeded: it was no failure, and the count starts over. The
     * reset is part of the caller's transaction (the login's), so it costs no commit of its own,
     * and a login that rolls back leaves its attempt counted.
     */
    public void succeeded(String name) {
        store.updateExistingWithCaller(name, clock.instant(), ThrottleRecord::succeeded);
    }

    /** Ends a name's lock and its failures, this hour's included, in the caller's transaction: a password reset opens the account. */
    public void clear(String name) {
        store.updateExistingWithCaller(name, clock.instant(), ThrottleRecord::cleared);
    }

    /** Forgets names not tried for a day, then the least recently tried beyond the bound; returns how many. */
    public int forgetOld() {
        Instant now = clock.instant();
        return store.forget(now.minus(longerOf(MEMORY, HOUR.plus(maxDelay))), maxTrackedNames);
    }

    private void update(String name, Instant now, Consumer<ThrottleRecord> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                store.update(name, now, change);
                return;
            } catch (RuntimeException lostRace) {
                // Another instance created this name's first record at the same moment; its
                // row exists now, so the next try locks and changes it.
                if (attempt == ATTEMPTS_TO_UPDATE) {
                    throw lostRace;
                }
            }
        }
    }

    private static Duration longerOf(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
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

    /** One counted attempt: copies of the name's record just before and just after it was counted. */
    public record Counted(String name, ThrottleRecord before, ThrottleRecord after) {}
}
