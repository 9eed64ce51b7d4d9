package dev.authservice.http.boundary;

import dev.authservice.configuration.Ranges;
import dev.authservice.configuration.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The keys auth.request.*: how large a request body may be, and how many may arrive slowly at once. */
@ApplicationScoped
public class RequestSettings implements Settings {

    @Inject
    @ConfigProperty(name = "auth.request.max-body-bytes")
    int maxBodyBytes;

    @Inject
    @ConfigProperty(name = "auth.request.max-slow-bodies")
    int maxSlowBodies;

    @Override
    @PostConstruct
    public void check() {
        new Ranges()
                .within("auth.request.max-body-bytes", maxBodyBytes, 1_024, 1_048_576)
                .within("auth.request.max-slow-bodies", maxSlowBodies, 1, 1_024)
                .enforce();
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    public int maxSlowBodies() {
        return maxSlowBodies;
    }
}
