package dev.authservice.configuration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

/**
 * Checks every component's {@link Settings} at deployment, before the first request. On the
 * application context's start, not CDI 4's Startup event: Payara Micro fires that only after it
 * has reported the deployment successful, too late for an exception to stop it, and too late for
 * what must exist before the first request.
 */
@ApplicationScoped
public class SettingsAtStart {

    void checkAll(
            @Observes @Initialized(ApplicationScoped.class) Object deployed, @Any Instance<Settings> everySettings) {
        everySettings.forEach(Settings::check);
    }
}
