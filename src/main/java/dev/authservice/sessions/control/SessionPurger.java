package dev.authservice.sessions.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The timer that keeps the session table from growing without bound: every
 * auth.session.purge-interval it deletes expired sessions in batches of
 * auth.session.purge-batch-size, each batch its own short transaction, so no purge holds locks
 * long. Non-persistent: a missed run is simply the next run's work. The singleton's write lock keeps runs on one
 * instance from overlapping; instances sharing a database may purge at once, and simply find
 * less to delete.
 */
@Singleton
@Startup
// The first run must find the tables: on an instance that waits while another migrates the
// shared database, the timer would otherwise fire before its own migration step has returned.
@DependsOn("SchemaMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SessionPurger {

    /** Bounds one run; what is left waits for the next one. */
    static final int MAX_BATCHES_PER_RUN = 100;

    private static final Logger LOG = Logger.getLogger(SessionPurger.class.getName());

    @Resource
    TimerService timers;

    @Inject
    Sessions sessions;

    @Inject
    SessionSettings settings;

    @Inject
    RefreshTokens refreshTokens;

    @PostConstruct
    void schedule() {
        long interval = settings.purgeInterval().toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig("purge expired sessions", false));
    }

    @Timeout
    void onTimer() {
        try {
            purge();
        } catch (RuntimeException e) {
            // A failed run must not cancel the timer; the next run retries.
            LOG.log(Level.WARNING, "Purging expired sessions failed; the next run will retry: {0}", e.toString());
        }
    }

    /** One run: batches until one comes back short or the run's bound is reached; returns how many. */
    public int purge() {
        int batchSize = settings.purgeBatchSize();
        int purged = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            int deleted = sessions.purgeExpired(batchSize);
            purged += deleted;
            if (deleted < batchSize) {
                break;
            }
        }
        // The refresh tokens of ended sessions: dead already, deleted so that the table stays small.
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            if (refreshTokens.purgeOrphans(batchSize) < batchSize) {
                break;
            }
        }
        int total = purged;
        LOG.fine(() -> "Purged " + total + " expired sessions");
        return purged;
    }

    /** Whether the container holds this bean's purge timer. */
    public boolean isScheduled() {
        return timers.getTimers().stream().anyMatch(t -> "purge expired sessions".equals(t.getInfo()));
    }
}
