package dev.authservice.auth.control;

import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Timer;

/** Hashes and verifies passwords with Jakarta Security's PBKDF2 at the configured parameters. */
@ApplicationScoped
public class PasswordHasher {

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    @Inject
    AuthConfig config;

    @Inject
    MetricRegistry metrics;

    private Timer hashing;

    /**
     * A hash of a password nobody knows, at the current parameters: verifying an unknown user's
     * login against it costs what a real verification costs, so timing does not reveal which
     * usernames exist (the lesson of Django's CVE-2016-2513).
     */
    private String dummyHash;

    @PostConstruct
    void initialize() {
        hashing = metrics.timer("auth.password.hashing");
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", config.hashAlgorithm(),
                "Pbkdf2PasswordHash.Iterations", Integer.toString(config.hashIterations()),
                "Pbkdf2PasswordHash.SaltSizeBytes", Integer.toString(config.hashSaltBytes()),
                "Pbkdf2PasswordHash.KeySizeBytes", Integer.toString(config.hashKeyBytes())));
        dummyHash = hash(SessionToken.generate().value());
    }

    public String hash(String password) {
        char[] chars = password.toCharArray();
        try (Timer.Context timed = hashing.time()) {
            return pbkdf2.generate(chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    public boolean verify(String password, String storedHash) {
        char[] chars = password.toCharArray();
        try (Timer.Context timed = hashing.time()) {
            return pbkdf2.verify(chars, storedHash);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /**
     * Whether a stored hash was made with other parameters than the configured ones (another
     * algorithm, fewer iterations, a shorter salt or key), so the next login should replace it.
     * Reads Soteria's format ALGORITHM:ITERATIONS:BASE64(SALT):BASE64(KEY).
     */
    public boolean needsRehash(String storedHash) {
        String[] parts = storedHash.split(":");
        if (parts.length != 4) {
            return true;
        }
        try {
            return !parts[0].equals(config.hashAlgorithm())
                    || Integer.parseInt(parts[1]) != config.hashIterations()
                    || Base64.getDecoder().decode(parts[2]).length != config.hashSaltBytes()
                    || Base64.getDecoder().decode(parts[3]).length != config.hashKeyBytes();
        } catch (IllegalArgumentException malformed) {
            return true;
        }
    }

    /** Spends the time of one verification and always fails. */
    public boolean verifyAgainstDummy(String password) {
        verify(password, dummyHash);
        return false;
    }
}
