package dev.authservice.throttling.control;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import dev.authservice.throttling.entity.ThrottleRecord;

/**
 * The throttle's records in the database: one row per name, changed under that row's lock. A count
 * commits in a transaction of its own before the password is even checked, so a failed login
 * that rolls back still counts, and every instance sees every count at once; the reset after a
 * success commits with the login itself.
 */
@ApplicationScoped
public class DatabaseAttemptStore implements AttemptStore {

    /** Instant.MIN (no lock) as a column value. */
    private static final long NEVER = Long.MIN_VALUE;

    @PersistenceContext
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void update(String name, Instant now, UnaryOperator<LoginThrottle.Attempts> change) {
        ThrottleRecord row = em.find(ThrottleRecord.class, name, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            row = new ThrottleRecord(name);
            write(row, change.apply(LoginThrottle.Attempts.none(now)), now);
            em.persist(row);
            // A simultaneous first attempt elsewhere fails here, on the primary key; the throttle retries.
            em.flush();
        } else {
            write(row, change.apply(read(row)), now);
        }
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void updateExistingWithCaller(String name, Instant now, UnaryOperator<LoginThrottle.Attempts> change) {
        ThrottleRecord row = em.find(ThrottleRecord.class, name, LockModeType.PESSIMISTIC_WRITE);
        if (row != null) {
            write(row, change.apply(read(row)), now);
        }
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int forget(Instant cutoff, long keep) {
        int forgotten = em.createNamedQuery(ThrottleRecord.IDLE_SINCE).setParameter("cutoff", cutoff.toEpochMilli()).executeUpdate();
        long tracked = em.createNamedQuery(ThrottleRecord.COUNT, Long.class).getSingleResult();
        if (tracked > keep) {
            List<Long> newest = em.createNamedQuery(ThrottleRecord.OLDEST_ATTEMPTS, Long.class)
                    .setFirstResult((int) Math.min(keep, Integer.MAX_VALUE))
                    .setMaxResults(1)
                    .getResultList();
            if (!newest.isEmpty()) {
                forgotten += em.createNamedQuery(ThrottleRecord.IDLE_SINCE).setParameter("cutoff", newest.get(0) + 1).executeUpdate();
            }
        }
        return forgotten;
    }

    private static LoginThrottle.Attempts read(ThrottleRecord row) {
        Instant locked = row.lockedUntil() == NEVER ? Instant.MIN : Instant.ofEpochMilli(row.lockedUntil());
        return new LoginThrottle.Attempts(row.consecutiveFailures(), locked, Instant.ofEpochMilli(row.hourStart()),
                row.failuresThisHour());
    }

    private static void write(ThrottleRecord row, LoginThrottle.Attempts attempts, Instant now) {
        long locked = attempts.lockedUntil().equals(Instant.MIN) ? NEVER : attempts.lockedUntil().toEpochMilli();
        row.set(attempts.consecutiveFailures(), locked, attempts.hourStart().toEpochMilli(), attempts.failuresThisHour(),
                now.toEpochMilli());
    }
}
