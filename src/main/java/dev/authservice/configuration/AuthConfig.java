package dev.authservice.configuration;

import dev.authservice.hashing.control.HashParameters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.authservice.sessions.entity.SessionLifetimes;

/**
 * Every configuration key of the service, read through MicroProfile Config and checked against its
 * allowed range once, at deployment: a value out of range stops the deployment with one log line
 * that names the key, instead of failing every request later. Defaults live in
 * META-INF/microprofile-config.properties and the README; environment variables override them
 * (AUTH_PASSWORD_HASH_ITERATIONS for auth.password.hash.iterations, and so on).
 */
@ApplicationScoped
public class AuthConfig {

    private static final Logger LOG = Logger.getLogger(AuthConfig.class.getName());

    /** The PBKDF2 variants Jakarta Security's Pbkdf2PasswordHash offers. */
    static final Set<String> HASH_ALGORITHMS = Set.of(
            "PBKDF2WithHmacSHA224", "PBKDF2WithHmacSHA256", "PBKDF2WithHmacSHA384", "PBKDF2WithHmacSHA512");

    @Inject
    @ConfigProperty(name = "auth.password.hash.algorithm")
    String hashAlgorithm;

    @Inject
    @ConfigProperty(name = "auth.password.hash.iterations")
    int hashIterations;

    @Inject
    @ConfigProperty(name = "auth.password.hash.salt-bytes")
    int hashSaltBytes;

    @Inject
    @ConfigProperty(name = "auth.password.hash.key-bytes")
    int hashKeyBytes;

    @Inject
    @ConfigProperty(name = "auth.session.absolute-timeout")
    Duration sessionAbsoluteTimeout;

    @Inject
    @ConfigProperty(name = "auth.session.idle-timeout")
    Duration sessionIdleTimeout;

    @Inject
    @ConfigProperty(name = "auth.session.idle-refresh")
    Duration sessionIdleRefresh;

    @Inject
    @ConfigProperty(name = "auth.session.purge-interval")
    Duration sessionPurgeInterval;

    @Inject
    @ConfigProperty(name = "auth.session.purge-batch-size")
    int sessionPurgeBatchSize;

    @Inject
    @ConfigProperty(name = "auth.hashing.concurrency")
    int hashingConcurrency;

    @Inject
    @ConfigProperty(name = "auth.hashing.queue")
    int hashingQueue;

    @Inject
    @ConfigProperty(name = "auth.hashing.max-wait")
    Duration hashingMaxWait;

    @Inject
    @ConfigProperty(name = "auth.request.max-body-bytes")
    int maxBodyBytes;

    @Inject
    @ConfigProperty(name = "auth.request.max-slow-bodies")
    int maxSlowBodies;

    @Inject
    @ConfigProperty(name = "auth.throttle.free-failures")
    int throttleFreeFailures;

    @Inject
    @ConfigProperty(name = "auth.throttle.max-delay")
    Duration throttleMaxDelay;

    @Inject
    @ConfigProperty(name = "auth.throttle.max-failures-per-hour")
    int throttleMaxFailuresPerHour;

    @Inject
    @ConfigProperty(name = "auth.throttle.max-tracked-names")
    long throttleMaxTrackedNames;

    private SessionLifetimes sessionLifetimes;

    @PostConstruct
    void validate() {
        List<String> errors = new ArrayList<>();
        if (!HASH_ALGORITHMS.contains(hashAlgorithm)) {
            errors.add("auth.password.hash.algorithm=" + hashAlgorithm + " is not one of " + HASH_ALGORITHMS);
        }
        // Jakarta Security refuses fewer than 1,024 iterations and salts or keys under 16 bytes.
        range(errors, "auth.password.hash.iterations", hashIterations, 1_024, 10_000_000);
        range(errors, "auth.password.hash.salt-bytes", hashSaltBytes, 16, 1_024);
        range(errors, "auth.password.hash.key-bytes", hashKeyBytes, 16, 1_024);
        range(errors, "auth.session.absolute-timeout", sessionAbsoluteTimeout, Duration.ofSeconds(1), Duration.ofDays(366));
        range(errors, "auth.session.idle-timeout", sessionIdleTimeout, Duration.ofSeconds(1), Duration.ofDays(366));
        range(errors, "auth.session.idle-refresh", sessionIdleRefresh, Duration.ZERO, sessionIdleTimeout);
        range(errors, "auth.session.purge-interval", sessionPurgeInterval, Duration.ofSeconds(1), Duration.ofDays(1));
        range(errors, "auth.session.purge-batch-size", sessionPurgeBatchSize, 1, 100_000);
        range(errors, "auth.hashing.concurrency", hashingConcurrency, 0, 1_024);
        range(errors, "auth.hashing.queue", hashingQueue, 0, 100_000);
        range(errors, "auth.hashing.max-wait", hashingMaxWait, Duration.ZERO, Duration.ofMinutes(1));
        range(errors, "auth.request.max-body-bytes", maxBodyBytes, 1_024, 1_048_576);
        range(errors, "auth.request.max-slow-bodies", maxSlowBodies, 1, 1_024);
        range(errors, "auth.throttle.free-failures", throttleFreeFailures, 0, 100);
        range(errors, "auth.throttle.max-delay", throttleMaxDelay, Duration.ofSeconds(1), Duration.ofDays(1));
        // NIST SP 800-63B §5.2.2: no more than 100 consecutive failed attempts on one account.
        range(errors, "auth.throttle.max-failures-per-hour", throttleMaxFailuresPerHour, 1, 100);
        range(errors, "auth.throttle.max-tracked-names", throttleMaxTrackedNames, 1_000, 100_000_000);
        if (!errors.isEmpty()) {
            String message = "auth-service refuses to start, invalid configuration: " + String.join("; ", errors);
            LOG.severe(message);
            throw new InvalidConfigurationException(message);
        }
        sessionLifetimes = new SessionLifetimes(sessionAbsoluteTimeout, sessionIdleTimeout, sessionIdleRefresh);
    }

    /** Validates at deployment, before the first request, rather than at first use. */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        sessionLifetimes();
    }

    private static void range(List<String> errors, String key, long value, long min, long max) {
        if (value < min || value > max) {
            errors.add(key + "=" + value + " is outside the allowed range " + min + " to " + max);
        }
    }

    private static void range(List<String> errors, String key, Duration value, Duration min, Duration max) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            errors.add(key + "=" + value + " is outside the allowed range " + min + " to " + max);
        }
    }

    /** A configuration value outside its allowed range; the message names the key. */
    static final class InvalidConfigurationException extends RuntimeException {
        InvalidConfigurationException(String message) {
            super(message, null, false, false);
        }
    }

    public HashParameters hashParameters() {
        return new HashParameters(hashAlgorithm, hashIterations, hashSaltBytes, hashKeyBytes);
    }

    public SessionLifetimes sessionLifetimes() {
        return sessionLifetimes;
    }

    public Duration sessionPurgeInterval() {
        return sessionPurgeInterval;
    }

    public int sessionPurgeBatchSize() {
        return sessionPurgeBatchSize;
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    public int maxSlowBodies() {
        return maxSlowBodies;
    }

    public int throttleFreeFailures() {
        return throttleFreeFailures;
    }

    public Duration throttleMaxDelay() {
        return throttleMaxDelay;
    }

    public int throttleMaxFailuresPerHour() {
        return throttleMaxFailuresPerHour;
    }

    public long throttleMaxTrackedNames() {
        return throttleMaxTrackedNames;
    }

    public int hashingConcurrency() {
        return hashingConcurrency;
    }

    public int hashingQueue() {
        return hashingQueue;
    }

    public Duration hashingMaxWait() {
        return hashingMaxWait;
    }
}
