package dev.authservice.metrics.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.DoubleSupplier;
import java.util.function.LongConsumer;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The application metrics in MicroProfile Metrics, on servers that have it (Payara). Where the API
 * is missing (GlassFish 7.0, WildFly) this class cannot be loaded, so CDI finds no such bean and
 * {@link AuthMetrics} simply has no mirror: the application's own /metrics serves them there.
 */
@ApplicationScoped
public class MicroProfileMetrics implements MetricsMirror {

    @Inject
    MetricRegistry registry;

    @Override
    public LongConsumer counter(String name, String description, String... tags) {
        Counter counter = registry.counter(metadata(name, description), tags(tags));
        return counter::inc;
    }

    @Override
    public void gauge(String name, String description, DoubleSupplier value) {
        registry.gauge(metadata(name, description), value, DoubleSupplier::getAsDouble);
    }

    private static Metadata metadata(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).build();
    }

    private static Tag[] tags(String... pairs) {
        Tag[] tags = new Tag[pairs.length / 2];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = new Tag(pairs[2 * i], pairs[2 * i + 1]);
        }
        return tags;
    }
}
