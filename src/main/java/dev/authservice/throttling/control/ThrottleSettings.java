package dev.authservice.throttling.control;

import dev.authservice.configuration.Ranges;
import dev.authservice.configuration.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The keys auth.throttle.*: when failed logins of one name start to be refused, and for how long;
 * how many accounts the sign-up page creates an hour from one address.
 */
@ApplicationScoped
public class ThrottleSettings implements Settings {

    @Inject
    @ConfigProperty(name = "auth.throttle.free-failures")
    int freeFailures;

    @Inject
    @ConfigProperty(name = "auth.throttle.max-delay")
    Duration maxDelay;

    @Inject
    @ConfigProperty(name = "auth.throttle.max-failures-per-hour")
    int maxFailuresPerHour;

    @Inject
    @ConfigProperty(name = "auth.throttle.max-tracked-names")
    long maxTrackedNames;

    @Inject
    @ConfigProperty(name = "auth.throttle.sign-ups-per-address-per-hour")
    int signUpsPerAddressPerHour;

    @Inject
    @ConfigProperty(name = "auth.throttle.password-resets-per-account-per-hour")
    int resetsPerAccountPerHour;

    @Inject
    @ConfigProperty(name = "auth.throttle.password-resets-per-address-per-hour")
    int resetsPerAddressPerHour;

    @Override
    @PostConstruct
    public void check() {
        new Ranges()
                .within("auth.throttle.free-failures", freeFailures, 0, 100)
                .within("auth.throttle.max-delay", maxDelay, Duration.ofSeconds(1), Duration.ofDays(1))
                // NIST SP 800-63B §5.2.2: no more than 100 consecutive failed attempts on one account.
                .within("auth.throttle.max-failures-per-hour", maxFailuresPerHour, 1, 100)
                .within("auth.throttle.max-tracked-names", maxTrackedNames, 1_000, 100_000_000)
                .within("auth.throttle.sign-ups-per-address-per-hour", signUpsPerAddressPerHour, 1, 10_000)
                .within("auth.throttle.password-resets-per-account-per-hour", resetsPerAccountPerHour, 1, 100)
                .within("auth.throttle.password-resets-per-address-per-hour", resetsPerAddressPerHour, 1, 10_000)
                .enforce();
    }

    public int freeFailures() {
        return freeFailures;
    }

    public Duration maxDelay() {
        return maxDelay;
    }

    public int maxFailuresPerHour() {
        return maxFailuresPerHour;
    }

    public long maxTrackedNames() {
        return maxTrackedNames;
    }

    public int resetsPerAccountPerHour() {
        return resetsPerAccountPerHour;
    }

    public int resetsPerAddressPerHour() {
        return resetsPerAddressPerHour;
    }

    public int signUpsPerAddressPerHour() {
        return signUpsPerAddressPerHour;
    }
}
