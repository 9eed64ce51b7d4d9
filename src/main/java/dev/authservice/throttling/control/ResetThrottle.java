package dev.authservice.throttling.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * "Forgot your password?" requests: per name or address asked for
 * (auth.throttle.password-resets-per-account-per-hour) and per client address
 * (auth.throttle.password-resets-per-address-per-hour), counted as {@link SignUpThrottle} counts
 * sign-ups, in the throttle's table under names no account can have. A request counts the same
 * whether or not it names an account, so the answer, its time and its refusal tell nobody which.
 */
@ApplicationScoped
public class ResetThrottle {

    static final String FOR_PREFIX = "reset for ";
    static final String FROM_PREFIX = "reset from ";

    private LoginThrottle perAccount;
    private LoginThrottle perAddress;

    protected ResetThrottle() {
        // for the CDI proxy
    }

    @Inject
    public ResetThrottle(ThrottleSettings settings, Clock clock, AttemptStore store) {
        Duration hour = Duration.ofHours(1);
        this.perAccount = new LoginThrottle(
                clock, Integer.MAX_VALUE, hour, settings.resetsPerAccountPerHour(), settings.maxTrackedNames(), store);
        this.perAddress = new LoginThrottle(
                clock, Integer.MAX_VALUE, hour, settings.resetsPerAddressPerHour(), settings.maxTrackedNames(), store);
    }

    /**
     * Counts a request for {@code asked} (a canonical username or address, or a fixed-length key
     * for anything else) from {@code address}, or refuses it (throttled) when either has had its share.
     */
    public void count(String asked, String address) {
        if (address != null) {
            perAddress.beginAttempt(FROM_PREFIX + address);
        }
        // Hashed: an address may be longer than a throttle row's name, and the table needs no address in it.
        perAccount.beginAttempt(FOR_PREFIX + sha256(asked));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
