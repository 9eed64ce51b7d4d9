package dev.authservice.oidc.control;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Once a minute, deletes the authorization codes a minute past their expiry: refused anyway, and
 * kept that long only so that a late second redemption still finds the tokens it must revoke.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CodePurge {

    private static final Logger LOG = Logger.getLogger(CodePurge.class.getName());

    @Inject
    AuthorizationCodes codes;

    @Schedule(hour = "*", minute = "*", persistent = false, info = "delete expired authorization codes")
    void onTimer() {
        try {
            int deleted = codes.deleteExpired();
            LOG.fine(() -> "Deleted " + deleted + " expired authorization codes");
        } catch (RuntimeException e) {
            LOG.warning(() -> "Deleting expired authorization codes failed; the next run will retry: " + e);
        }
    }
}
