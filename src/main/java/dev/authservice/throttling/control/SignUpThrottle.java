package dev.authservice.throttling.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;

/**
 * Sign-ups per client address: the portal's sign-up page creates at most
 * auth.throttle.sign-ups-per-address-per-hour accounts within an hour from one address, then
 * refuses until that hour is over; no doubling delay, as a sign-up is no failure. Kept as
 * {@link LoginThrottle} keeps a name's failures, in the same table, under a name no account can
 * have ("sign-up from 192.0.2.1": usernames hold no spaces), so every instance counts the same
 * sign-ups. An attempt counts whether or not it creates an
 * account, so probing for taken names costs the same.
 */
@ApplicationScoped
public class SignUpThrottle {

    static final String NAME_PREFIX = "sign-up from ";

    private LoginThrottle byAddress;

    protected SignUpThrottle() {
        // for the CDI proxy
    }

    @Inject
    public SignUpThrottle(ThrottleSettings settings, Clock clock, AttemptStore store) {
        int perHour = settings.signUpsPerAddressPerHour();
        this.byAddress = new LoginThrottle(
                clock, Integer.MAX_VALUE, Duration.ofHours(1), perHour, settings.maxTrackedNames(), store);
    }

    /** Counts a sign-up from this address, or refuses it (throttled) when the address has had its share. */
    public void count(String address) {
        if (address != null) {
            byAddress.beginAttempt(NAME_PREFIX + address);
        }
    }
}
