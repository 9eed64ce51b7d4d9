package dev.authservice.auth.control;

import java.util.concurrent.atomic.LongAdder;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * What PBKDF2 costs, as two monotonic series whose units are right in Prometheus:
 * {@code auth_password_hashes_total} (hashes and verifications) and
 * {@code auth_password_hashing_seconds_total} (time spent in them). Their rates' ratio is the mean
 * time of one hash. A MicroProfile Timer would say more, but Payara exports a Timer's mean, max
 * and quantiles in nanoseconds under a name that says seconds.
 */
@ApplicationScoped
public class HashingMetrics {

    @Inject
    MetricRegistry metrics;

    private final LongAdder nanos = new LongAdder();
    private Counter hashes;

    @PostConstruct
    void register() {
        hashes = metrics.counter(Metadata.builder()
                .withName("auth.password.hashes")
                .withDescription("PBKDF2 hashes and verifications")
                .build());
        metrics.gauge(Metadata.builder()
                .withName("auth.password.hashing.seconds.total")
                .withDescription("Seconds spent in PBKDF2 hashes and verifications")
                .build(), nanos, spent -> spent.sum() / 1e9);
    }

    /** Lists the series at deployment, before the first hash. */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        hashes.getCount();
    }

    void recordNanos(long elapsed) {
        hashes.inc();
        nanos.add(elapsed);
    }
}
