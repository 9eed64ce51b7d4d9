package dev.authservice.throttling.control;

import dev.authservice.persistence.control.BoundedTables;
import dev.authservice.throttling.entity.ThrottleRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The throttle's records in the database: one row per name, changed under that row's lock. A count
 * commits in a transaction of its own before the password is even checked, so a failed login
 * that rolls back still counts, and every instance sees every count at once; the reset after a
 * success commits with the login itself.
 */
@ApplicationScoped
public class DatabaseAttemptStore implements AttemptStore {

    @PersistenceContext
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void update(String name, Instant now, Consumer<ThrottleRecord> change) {
        ThrottleRecord row = em.find(ThrottleRecord.class, name, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            row = new ThrottleRecord(name, now);
            change.accept(row);
            em.persist(row);
            // A simultaneous first attempt elsewhere fails here, on the primary key; the throttle retries.
            em.flush();
        } else {
            change.accept(row);
            row.attemptedAt(now);
        }
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void updateExistingWithCaller(String name, Instant now, Consumer<ThrottleRecord> change) {
        ThrottleRecord row = em.find(ThrottleRecord.class, name, LockModeType.PESSIMISTIC_WRITE);
        if (row != null) {
            change.accept(row);
            row.attemptedAt(now);
        }
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int forget(Instant cutoff, long keep) {
        return BoundedTables.trim(
                em, ThrottleRecord.IDLE_SINCE, ThrottleRecord.COUNT, ThrottleRecord.NEWEST_ATTEMPTS, cutoff, keep);
    }
}
