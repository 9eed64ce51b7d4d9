package dev.authservice.audit.control;

import dev.authservice.configuration.Ranges;
import dev.authservice.configuration.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** auth.audit.*: how long, and how many, security events the database keeps for the admin console. */
@ApplicationScoped
public class AuditSettings implements Settings {

    @Inject
    @ConfigProperty(name = "auth.audit.retention")
    Duration retention;

    @Inject
    @ConfigProperty(name = "auth.audit.max-events")
    long maxEvents;

    @Override
    @PostConstruct
    public void check() {
        new Ranges()
                .within("auth.audit.retention", retention, Duration.ofHours(1), Duration.ofDays(366))
                .within("auth.audit.max-events", maxEvents, 1_000, 100_000_000)
                .enforce();
    }

    public Duration retention() {
        return retention;
    }

    public long maxEvents() {
        return maxEvents;
    }
}
