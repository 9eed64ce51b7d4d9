package dev.authservice.hashing.control;

import dev.authservice.configuration.Ranges;
import dev.authservice.configuration.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The keys auth.password.hash.* (what a hash costs) and auth.hashing.* (how many run at once). */
@ApplicationScoped
public class HashingSettings implements Settings {

    /** The PBKDF2 variants Jakarta Security's Pbkdf2PasswordHash offers. */
    static final Set<String> ALGORITHMS =
            Set.of("PBKDF2WithHmacSHA224", "PBKDF2WithHmacSHA256", "PBKDF2WithHmacSHA384", "PBKDF2WithHmacSHA512");

    @Inject
    @ConfigProperty(name = "auth.password.hash.algorithm")
    String algorithm;

    @Inject
    @ConfigProperty(name = "auth.password.hash.iterations")
    int iterations;

    @Inject
    @ConfigProperty(name = "auth.password.hash.salt-bytes")
    int saltBytes;

    @Inject
    @ConfigProperty(name = "auth.password.hash.key-bytes")
    int keyBytes;

    @Inject
    @ConfigProperty(name = "auth.hashing.concurrency")
    int concurrency;

    @Inject
    @ConfigProperty(name = "auth.hashing.queue")
    int queue;

    @Inject
    @ConfigProperty(name = "auth.hashing.max-wait")
    Duration maxWait;

    @Override
    @PostConstruct
    public void check() {
        new Ranges()
                .oneOf("auth.password.hash.algorithm", algorithm, ALGORITHMS)
                // Jakarta Security refuses fewer than 1,024 iterations and salts or keys under 16 bytes.
                .within("auth.password.hash.iterations", iterations, 1_024, 10_000_000)
                .within("auth.password.hash.salt-bytes", saltBytes, 16, 1_024)
                .within("auth.password.hash.key-bytes", keyBytes, 16, 1_024)
                .within("auth.hashing.concurrency", concurrency, 0, 1_024)
                .within("auth.hashing.queue", queue, 0, 100_000)
                .within("auth.hashing.max-wait", maxWait, Duration.ZERO, Duration.ofMinutes(1))
                .enforce();
    }

    public HashParameters parameters() {
        return new HashParameters(algorithm, iterations, saltBytes, keyBytes);
    }

    public int concurrency() {
        return concurrency;
    }

    public int queue() {
        return queue;
    }

    public Duration maxWait() {
        return maxWait;
    }
}
