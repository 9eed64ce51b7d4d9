package dev.authservice.auth.control;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Once a minute, deletes the sign-ins that never reached their second factor. An expired one is
 * refused anyway; this only keeps the table small. Non-persistent, like the other timers: a missed
 * run is the next run's work.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PendingSignInPurge {

    private static final Logger LOG = Logger.getLogger(PendingSignInPurge.class.getName());

    @Inject
    PendingSignIns pendingSignIns;

    @Schedule(hour = "*", minute = "*", persistent = false, info = "delete expired pending sign-ins")
    void onTimer() {
        try {
            int deleted = pendingSignIns.deleteExpired();
            LOG.fine(() -> "Deleted " + deleted + " expired pending sign-ins");
        } catch (RuntimeException e) {
            LOG.warning(() -> "Deleting expired pending sign-ins failed; the next run will retry: " + e);
        }
    }
}
