package dev.authservice.passkeys.control;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Once a minute, deletes the challenges of ceremonies never finished. An expired one is refused
 * anyway; this keeps the table small, also against a client that asks for options and never
 * answers.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChallengePurge {

    private static final Logger LOG = Logger.getLogger(ChallengePurge.class.getName());

    @Inject
    Challenges challenges;

    @Schedule(hour = "*", minute = "*", persistent = false, info = "delete expired WebAuthn challenges")
    void onTimer() {
        try {
            int deleted = challenges.deleteExpired();
            LOG.fine(() -> "Deleted " + deleted + " expired WebAuthn challenges");
        } catch (RuntimeException e) {
            LOG.warning(() -> "Deleting expired WebAuthn challenges failed; the next run will retry: " + e);
        }
    }
}
