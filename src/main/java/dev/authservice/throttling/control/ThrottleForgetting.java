package dev.authservice.throttling.control;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * The timer that keeps the throttle's table bounded: once a minute it forgets the names not tried
 * for a day, then the least recently tried beyond auth.throttle.max-tracked-names
 * ({@link LoginThrottle#forgetOld}). A minute is nothing against a day's memory, so this needs no
 * key of its own. Non-persistent: a missed run is the next run's work; instances sharing a
 * database may run at once and simply find less to forget.
 */
@Singleton
@Startup
// The tables must exist before the first run (see SessionPurger).
@DependsOn("SchemaMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ThrottleForgetting {

    private static final Logger LOG = Logger.getLogger(ThrottleForgetting.class.getName());

    @Inject
    LoginThrottle throttle;

    @Schedule(hour = "*", minute = "*", persistent = false, info = "forget idle throttle records")
    void onTimer() {
        try {
            int forgotten = throttle.forgetOld();
            LOG.fine(() -> "Forgot " + forgotten + " throttle records");
        } catch (RuntimeException e) {
            // A failed run must not cancel the timer; the next run retries.
            LOG.warning(() -> "Forgetting idle throttle records failed; the next run will retry: " + e);
        }
    }
}
