package dev.authservice.metrics.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

/**
 * The application's metrics, kept by the application itself so that every server has them: they
 * are served in Prometheus text format at /metrics by the application, and also handed to the
 * server's own metrics API wherever one is present (a {@link MetricsMirror}; on Payara its
 * /metrics, which then answers at that path in the application's place).
 */
@ApplicationScoped
public class AuthMetrics {

    /** The label every series carries, as MicroProfile Metrics exports application metrics. */
    private static final String SCOPE = "mp_scope=\"application\"";

    @Inject
    Instance<MetricsMirror> mirrors;

    private final List<Series> series = new CopyOnWriteArrayList<>();

    /** A monotonic count; {@code tags} are label name and value pairs. */
    public Counter counter(String name, String description, String... tags) {
        List<LongConsumer> copies = new ArrayList<>();
        mirrors.forEach(mirror -> copies.add(mirror.counter(name, description, tags)));
        Counter counter = new Counter(copies);
        series.add(new Series(name, description, "counter", labels(tags), () -> counter.count.sum()));
        return counter;
    }

    /** A value read when metrics are read. */
    public void gauge(String name, String description, DoubleSupplier value) {
        mirrors.forEach(mirror -> mirror.gauge(name, description, value));
        series.add(new Series(name, description, "gauge", SCOPE, value));
    }

    /** Every series in the Prometheus text exposition format (version 0.0.4). */
    public String prometheusText() {
        StringBuilder text = new StringBuilder();
        Map<String, List<Series>> byName = series.stream()
                .collect(Collectors.groupingBy(Series::exportedName, LinkedHashMap::new, Collectors.toList()));
        byName.forEach((name, members) -> {
            Series first = members.get(0);
            text.append("# HELP ")
                    .append(name)
                    .append(' ')
                    .append(first.description())
                    .append('\n');
            text.append("# TYPE ").append(name).append(' ').append(first.type()).append('\n');
            for (Series one : members) {
                text.append(name)
                        .append('{')
                        .append(one.labels())
                        .append("} ")
                        .append(format(one.value().getAsDouble()))
                        .append('\n');
            }
        });
        return text.toString();
    }

    private static String labels(String... tags) {
        StringBuilder labels = new StringBuilder(SCOPE);
        for (int i = 0; i + 1 < tags.length; i += 2) {
            labels.append(',').append(tags[i]).append("=\"").append(tags[i + 1]).append('"');
        }
        return labels.toString();
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }

    /** A count that also steps its copies in the server's metrics API, if any. */
    public static final class Counter {
        private final LongAdder count = new LongAdder();
        private final List<LongConsumer> copies;

        private Counter(List<LongConsumer> copies) {
            this.copies = List.copyOf(copies);
        }

        public void inc(long by) {
            count.add(by);
            for (LongConsumer copy : copies) {
                copy.accept(by);
            }
        }
    }

    private record Series(String name, String description, String type, String labels, DoubleSupplier value) {
        /** Prometheus's spelling: dots become underscores, and a counter's name ends in _total. */
        String exportedName() {
            String exported = name.replace('.', '_');
            return type.equals("counter") && !exported.endsWith("_total") ? exported + "_total" : exported;
        }
    }
}
