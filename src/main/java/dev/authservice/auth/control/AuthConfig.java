package dev.authservice.auth.control;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every configuration key of the service, read through MicroProfile Config. Defaults live in
 * META-INF/microprofile-config.properties and the README; environment variables override them
 * (AUTH_PASSWORD_HASH_ITERATIONS for auth.password.hash.iterations, and so on).
 */
@ApplicationScoped
public class AuthConfig {

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

    public String hashAlgorithm() {
        return hashAlgorithm;
    }

    public int hashIterations() {
        return hashIterations;
    }

    public int hashSaltBytes() {
        return hashSaltBytes;
    }

    public int hashKeyBytes() {
        return hashKeyBytes;
    }

    public Duration sessionAbsoluteTimeout() {
        return sessionAbsoluteTimeout;
    }

    public Duration sessionIdleTimeout() {
        return sessionIdleTimeout;
    }

    /** How far the idle deadline must move before a token check writes it to the database. */
    public Duration sessionIdleRefresh() {
        return sessionIdleRefresh;
    }

    public int sessionPurgeBatchSize() {
        return sessionPurgeBatchSize;
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
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
