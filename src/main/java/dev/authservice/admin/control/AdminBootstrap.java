package dev.authservice.admin.control;

import dev.authservice.audit.control.SecurityEvent;
import dev.authservice.hashing.entity.Password;
import dev.authservice.refusal.Refusal;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The first administrator, from auth.bootstrap.admin.username and .password, created at start
 * when the admin group has no member (see {@link Administration#bootstrap}). A password the
 * policy refuses stops the deployment with a line that says why, never the password.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger("auth.security");

    @Inject
    AdminSettings settings;

    @Inject
    Administration administration;

    @PostConstruct
    void createFirstAdministrator() {
        Optional<String> username = settings.bootstrapUsername();
        if (username.isEmpty()) {
            return;
        }
        Optional<String> created;
        try {
            created = administration.bootstrap(
                    username.get(), Password.of(settings.bootstrapPassword().orElseThrow()));
        } catch (Refusal refused) {
            throw new IllegalStateException("auth.bootstrap.admin.username or .password refused: " + refused.detail());
        } catch (IllegalStateException existing) {
            LOG.warning(existing.getMessage());
            return;
        }
        created.ifPresent(name -> LOG.info(() -> "event=" + SecurityEvent.Kind.ADMIN_BOOTSTRAPPED.logName() + " user="
                + name + " client=- (the first administrator, from auth.bootstrap.admin.username)"));
    }
}
