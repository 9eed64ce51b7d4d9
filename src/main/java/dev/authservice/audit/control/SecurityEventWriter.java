package dev.authservice.audit.control;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/**
 * Writes the queued security events every two seconds and purges old ones every minute
 * ({@link SecurityEventStore}). Non-persistent timers: a missed run is the next run's work. A
 * write that fails (the database away) puts its events back for the next run; on shutdown the
 * queue is written once more.
 */
@Singleton
@Startup
// The table must exist before the first run (see SessionPurger).
@DependsOn("SchemaMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SecurityEventWriter {

    private static final Logger LOG = Logger.getLogger(SecurityEventWriter.class.getName());

    @Inject
    SecurityEventStore store;

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false, info = "write queued security events")
    void onTimer() {
        writeQueued();
    }

    @Schedule(hour = "*", minute = "*", persistent = false, info = "purge old security events")
    void purge() {
        try {
            int purged = store.purge();
            LOG.fine(() -> "Purged " + purged + " security events");
        } catch (RuntimeException e) {
            LOG.warning(() -> "Purging old security events failed; the next run will retry: " + e);
        }
    }

    @PreDestroy
    void writeBeforeShutdown() {
        writeQueued();
    }

    private void writeQueued() {
        long dropped = store.takeDropped();
        if (dropped > 0) {
            LOG.warning(() -> dropped + " security events gave way to newer ones before they were stored;"
                    + " the security log has them all");
        }
        List<?> batch;
        do {
            var taken = store.take();
            batch = taken;
            if (taken.isEmpty()) {
                return;
            }
            try {
                store.write(taken);
            } catch (RuntimeException e) {
                store.putBack(taken);
                LOG.warning(() -> "Storing security events failed; the next run will retry: " + e);
                return;
            }
        } while (batch.size() == SecurityEventStore.BATCH);
    }
}
