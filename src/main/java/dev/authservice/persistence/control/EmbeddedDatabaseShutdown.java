package dev.authservice.persistence.control;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;

/**
 * Shuts the embedded database down whenever the application's CDI container stops: on undeploy,
 * on redeploy, and also when a deployment fails after the database was opened, which no servlet
 * or EJB lifecycle callback sees.
 */
public class EmbeddedDatabaseShutdown implements Extension {

    void applicationStopping(@Observes BeforeShutdown stopping) {
        EmbeddedDatabase.shutDown();
    }
}
