package dev.authservice.metrics.control;

import java.util.function.DoubleSupplier;
import java.util.function.LongConsumer;

/** A server's own metrics API, which receives a copy of every application metric where it exists. */
public interface MetricsMirror {

    /** Registers a counter; the returned consumer adds to it. */
    LongConsumer counter(String name, String description, String... tags);

    void gauge(String name, String description, DoubleSupplier value);
}
