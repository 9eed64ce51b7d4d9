package dev.authservice.throttling.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One account name's brute-force state, where every instance on the database sees it. The rules
 * that read and change it are LoginThrottle's; this row only carries them between requests.
 */
@Entity
@Table(name = "AUTH_THROTTLE")
@NamedQuery(name = ThrottleRecord.IDLE_SINCE,
        query = "DELETE FROM ThrottleRecord t WHERE t.lastAttemptAt < :cutoff")
@NamedQuery(name = ThrottleRecord.COUNT, query = "SELECT COUNT(t) FROM ThrottleRecord t")
@NamedQuery(name = ThrottleRecord.OLDEST_ATTEMPTS,
        query = "SELECT t.lastAttemptAt FROM ThrottleRecord t ORDER BY t.lastAttemptAt DESC")
public class ThrottleRecord {

    public static final String IDLE_SINCE = "ThrottleRecord.idleSince";
    public static final String COUNT = "ThrottleRecord.count";
    /** Newest first: the n-th row's time is the cut-off that keeps n names. */
    public static final String OLDEST_ATTEMPTS = "ThrottleRecord.attemptTimes";

    @Id
    @Column(name = "NAME", length = 256)
    private String name;

    @Column(name = "CONSECUTIVE_FAILURES", nullable = false)
    private int consecutiveFailures;

    /** Epoch milliseconds; Long.MIN_VALUE for none. */
    @Column(name = "LOCKED_UNTIL", nullable = false)
    private long lockedUntil;

    @Column(name = "HOUR_START", nullable = false)
    private long hourStart;

    @Column(name = "FAILURES_THIS_HOUR", nullable = false)
    private int failuresThisHour;

    @Column(name = "LAST_ATTEMPT_AT", nullable = false)
    private long lastAttemptAt;

    protected ThrottleRecord() {
        // for JPA
    }

    public ThrottleRecord(String name) {
        this.name = name;
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    public long lockedUntil() {
        return lockedUntil;
    }

    public long hourStart() {
        return hourStart;
    }

    public int failuresThisHour() {
        return failuresThisHour;
    }

    public void set(int consecutiveFailures, long lockedUntil, long hourStart, int failuresThisHour, long lastAttemptAt) {
        this.consecutiveFailures = consecutiveFailures;
        this.lockedUntil = lockedUntil;
        this.hourStart = hourStart;
        this.failuresThisHour = failuresThisHour;
        this.lastAttemptAt = lastAttemptAt;
    }
}
