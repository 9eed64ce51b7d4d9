package dev.authservice.auth.control;

import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Deletes expired sessions every ten seconds, in batches of auth.session.purge-batch-size, each its
 * own short transaction, so the table never grows without bound and no purge holds locks long.
 * Non-persistent: a missed run is simply the next run's work. The singleton's write lock keeps
 * runs from overlapping.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SessionPurger {

    /** Bounds one run; what is left waits ten seconds for the next one. */
    static final int MAX_BATCHES_PER_RUN = 100;

    private static final Logger LOG = Logger.getLogger(SessionPurger.class.getName());

    @Inject
    SessionMaintenance sessions;

    @Inject
    AuthConfig config;

    private final Clock clock = Clock.systemUTC();

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false, info = "purge expired sessions")
    public void purgeExpiredSessions() {
        try {
            int batchSize = config.sessionPurgeBatchSize();
            int purged = 0;
            for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
                int deleted = sessions.purgeExpired(clock.instant(), batchSize);
                purged += deleted;
                if (deleted < batchSize) {
                    break;
                }
            }
            if (purged > 0) {
                int total = purged;
                LOG.fine(() -> "Purged " + total + " expired sessions");
            }
        } catch (RuntimeException e) {
            // A failed run must not cancel the timer; the next run retries.
            LOG.log(Level.WARNING, "Purging expired sessions failed; the next run will retry", e);
        }
    }
}
