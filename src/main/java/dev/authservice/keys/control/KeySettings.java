package dev.authservice.keys.control;

import dev.authservice.configuration.Ranges;
import dev.authservice.configuration.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long what a key signs is good for (auth.oidc.access-token-lifetime, which access and ID
 * tokens share): a rotated key stays published that long after its successor signs, and a while
 * more, so that every instance has seen the successor first.
 */
@ApplicationScoped
public class KeySettings implements Settings {

    /** How often an instance reads the keys again, to see another instance's rotation. */
    static final Duration RELOAD = Duration.ofSeconds(60);

    @Inject
    @ConfigProperty(name = "auth.oidc.access-token-lifetime")
    Duration tokenLifetime;

    @Override
    @PostConstruct
    public void check() {
        new Ranges()
                .within("auth.oidc.access-token-lifetime", tokenLifetime, Duration.ofSeconds(10), Duration.ofDays(1))
                .enforce();
    }

    public Duration tokenLifetime() {
        return tokenLifetime;
    }

    /** How long a rotated key stays published: its last tokens' lifetime, the reload period, and a minute of clock skew. */
    Duration retention() {
        return tokenLifetime.plus(RELOAD).plus(Duration.ofMinutes(1));
    }
}
