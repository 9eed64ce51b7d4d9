package dev.authservice.operations.control;

import dev.authservice.persistence.control.DatabaseCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * The health checks in MicroProfile Health, on servers that have it (Payara; WildFly with its
 * health subsystem). They are produced rather than implemented here, so that where the API is
 * missing this class still loads and CDI merely skips it (an INFO line, no failure); the
 * application's own /health serves the same checks there.
 */
@ApplicationScoped
public class MicroProfileHealth {

    /** The liveness check's name; the application's own /health/live uses it too. */
    public static final String LIVENESS = "auth-service";

    @Inject
    DatabaseCheck database;

    /** Ready only while the database answers: readiness takes the instance out of rotation otherwise. */
    @Produces
    @Readiness
    HealthCheck databaseAnswers() {
        return () -> HealthCheckResponse.named(DatabaseCheck.NAME)
                .status(database.answers())
                .build();
    }

    /** Alive while the application is deployed and answering; deliberately touches nothing else. */
    @Produces
    @Liveness
    HealthCheck deployed() {
        return () -> HealthCheckResponse.up(LIVENESS);
    }
}
