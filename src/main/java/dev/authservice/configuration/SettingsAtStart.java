package dev.authservice.configuration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

/** Checks every component's {@link Settings} at deployment, before the first request. */
@ApplicationScoped
public class SettingsAtStart {

    void checkAll(@Observes Startup startup, @Any Instance<Settings> everySettings) {
        everySettings.forEach(Settings::check);
    }
}
