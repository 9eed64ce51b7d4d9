package dev.authservice.throttling.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One account name's brute-force state, where every instance on the database sees it: failures in
 * a row, the lock they caused, and the failures of the current hour. How many failures are free and
 * how long a lock lasts are LoginThrottle's policy; how the state moves is this record's.
 */
@Entity
@Table(name = "AUTH_THROTTLE")
@NamedQuery(name = ThrottleRecord.IDLE_SINCE, query = "DELETE FROM ThrottleRecord t WHERE t.lastAttemptAt < :cutoff")
@NamedQuery(name = ThrottleRecord.COUNT, query = "SELECT COUNT(t) FROM ThrottleRecord t")
@NamedQuery(
        name = ThrottleRecord.NEWEST_ATTEMPTS,
        query = "SELECT t.lastAttemptAt FROM ThrottleRecord t ORDER BY t.lastAttemptAt DESC")
public class ThrottleRecord {

    public static final String IDLE_SINCE = "ThrottleRecord.idleSince";
    public static final String COUNT = "ThrottleRecord.count";
    /** Newest first: the n-th row's time is the cut-off that keeps n names. */
    public static final String NEWEST_ATTEMPTS = "ThrottleRecord.newestAttempts";

    private static final Duration HOUR = Duration.ofHours(1);

    /** No lock: any instant before every clock reading. Rows from before this class may hold an older one. */
    private static final Instant UNLOCKED = Instant.EPOCH;

    /** At most 256 characters: the canonical username, or a fixed-length key for a name no account can have. */
    @Id
    @Column(name = "NAME", length = 256)
    private String name;

    @Column(name = "CONSECUTIVE_FAILURES", nullable = false)
    private int consecutiveFailures;

    @Column(name = "LOCKED_UNTIL", nullable = false)
    private Instant lockedUntil;

    @Column(name = "HOUR_START", nullable = false)
    private Instant hourStart;

    @Column(name = "FAILURES_THIS_HOUR", nullable = false)
    private int failuresThisHour;

    @Column(name = "LAST_ATTEMPT_AT", nullable = false)
    private Instant lastAttemptAt;

    /** SMALLINT 0 or 1: the current lock was told to the account's owner (at its first refused attempt). */
    @Column(name = "LOCK_NOTICED", nullable = false)
    private short lockNoticed;

    protected ThrottleRecord() {
        // for JPA
    }

    /** A name never tried before. */
    public ThrottleRecord(String name, Instant now) {
        this.name = name;
        this.lockedUntil = UNLOCKED;
        this.hourStart = now;
        this.lastAttemptAt = now;
    }

    public ThrottleRecord copy() {
        ThrottleRecord copy = new ThrottleRecord(name, lastAttemptAt);
        copy.restore(this);
        return copy;
    }

    /** Takes over the state of {@code earlier}, a copy of this name's record. */
    public void restore(ThrottleRecord earlier) {
        consecutiveFailures = earlier.consecutiveFailures;
        lockedUntil = earlier.lockedUntil;
        hourStart = earlier.hourStart;
        failuresThisHour = earlier.failuresThisHour;
        lockNoticed = earlier.lockNoticed;
    }

    /** How long an attempt at {@code now} must still wait, or zero if it may be made. */
    public Duration waitAt(Instant now, int maxFailuresPerHour) {
        if (!now.isBefore(hourStart.plus(HOUR))) {
            hourStart = now;
            failuresThisHour = 0;
        }
        if (now.isBefore(lockedUntil)) {
            return Duration.between(now, lockedUntil);
        }
        if (failuresThisHour >= maxFailuresPerHour) {
            return Duration.between(now, hourStart.plus(HOUR));
        }
        return Duration.ZERO;
    }

    /** Counts one more failure in a row, locked for {@code delay} once it has happened. */
    public void countFailure(Instant now, Duration delay) {
        if (consecutiveFailures == 0) {
            lockNoticed = 0;
        }
        consecutiveFailures++;
        failuresThisHour++;
        lockedUntil = delay.isZero() ? UNLOCKED : now.plus(delay);
    }

    public void withoutOneFailure() {
        consecutiveFailures = Math.max(0, consecutiveFailures - 1);
        failuresThisHour = Math.max(0, failuresThisHour - 1);
    }

    /** The attempt counted last was no failure: the run of failures ends, and so does its lock. */
    public void succeeded() {
        lockNoticed = 0;
        consecutiveFailures = 0;
        lockedUntil = UNLOCKED;
        failuresThisHour = Math.max(0, failuresThisHour - 1);
    }

    /** The account's owner proved it another way (a password reset): no failures, no lock, this hour's count gone. */
    public void cleared() {
        succeeded();
        failuresThisHour = 0;
    }

    /** Whether this refused attempt is the first of its run of failures: the one a notice tells of. */
    public boolean firstRefusal() {
        boolean first = lockNoticed == 0;
        lockNoticed = 1;
        return first;
    }

    public void attemptedAt(Instant now) {
        lastAttemptAt = now;
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** Whether the two hold the same counts and lock, whenever they were last tried. */
    public boolean sameStateAs(ThrottleRecord other) {
        return consecutiveFailures == other.consecutiveFailures
                && failuresThisHour == other.failuresThisHour
                && Objects.equals(lockedUntil, other.lockedUntil)
                && Objects.equals(hourStart, other.hourStart);
    }
}
