package dev.authservice.sessions.control;

import dev.authservice.configuration.Ranges;
import dev.authservice.configuration.Settings;
import dev.authservice.sessions.entity.SessionLifetimes;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The keys auth.session.*: how long a session lives, and how the purge timer clears the expired ones. */
@ApplicationScoped
public class SessionSettings implements Settings {

    @Inject
    @ConfigProperty(name = "auth.session.absolute-timeout")
    Duration absoluteTimeout;

    @Inject
    @ConfigProperty(name = "auth.session.idle-timeout")
    Duration idleTimeout;

    @Inject
    @ConfigProperty(name = "auth.session.idle-refresh")
    Duration idleRefresh;

    @Inject
    @ConfigProperty(name = "auth.session.purge-interval")
    Duration purgeInterval;

    @Inject
    @ConfigProperty(name = "auth.session.purge-batch-size")
    int purgeBatchSize;

    @Inject
    @ConfigProperty(name = "auth.session.max-per-user")
    int maxPerUser;

    private SessionLifetimes lifetimes;

    @Override
    @PostConstruct
    public void check() {
        Duration oneYear = Duration.ofDays(366);
        new Ranges()
                .within("auth.session.absolute-timeout", absoluteTimeout, Duration.ofSeconds(1), oneYear)
                .within("auth.session.idle-timeout", idleTimeout, Duration.ofSeconds(1), oneYear)
                .within("auth.session.idle-refresh", idleRefresh, Duration.ZERO, idleTimeout)
                .within("auth.session.purge-interval", purgeInterval, Duration.ofSeconds(1), Duration.ofDays(1))
                .within("auth.session.purge-batch-size", purgeBatchSize, 1, 100_000)
                .within("auth.session.max-per-user", maxPerUser, 1, 10_000)
                .enforce();
        lifetimes = new SessionLifetimes(absoluteTimeout, idleTimeout, idleRefresh);
    }

    public SessionLifetimes lifetimes() {
        return lifetimes;
    }

    public Duration purgeInterval() {
        return purgeInterval;
    }

    public int maxPerUser() {
        return maxPerUser;
    }

    public int purgeBatchSize() {
        return purgeBatchSize;
    }
}
