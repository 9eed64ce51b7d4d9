package dev.authservice.hashing.control;

import dev.authservice.metrics.control.AuthMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.LongAdder;

/**
 * What PBKDF2 costs, as two monotonic series whose units are right in Prometheus:
 * {@code auth_password_hashes_total} (hashes and verifications) and
 * {@code auth_password_hashing_seconds_total} (time spent in them). Their rates' ratio is the mean
 * time of one hash. A MicroProfile Timer would say more, but Payara exports a Timer's mean, max
 * and quantiles in nanoseconds under a name that says seconds; and a gauge carries the seconds
 * because MicroProfile counters only count whole steps.
 */
@ApplicationScoped
public class HashingMetrics {

    @Inject
    AuthMetrics metrics;

    private final LongAdder nanos = new LongAdder();
    private volatile AuthMetrics.Counter hashes;

    /** At deployment, so that /metrics lists both series before the first hash. */
    void register(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        registered();
    }

    void recordNanos(long elapsed) {
        registered().inc(1);
        nanos.add(elapsed);
    }

    /**
     * Registers both series once: at deployment, or at the first hash if that comes first (the
     * first administrator is created by a startup bean, before the deployment's event).
     */
    private synchronized AuthMetrics.Counter registered() {
        if (hashes == null) {
            hashes = metrics.counter("auth.password.hashes", "PBKDF2 hashes and verifications");
            metrics.gauge(
                    "auth.password.hashing.seconds.total",
                    "Seconds spent in PBKDF2 hashes and verifications",
                    () -> nanos.sum() / 1e9);
        }
        return hashes;
    }
}
