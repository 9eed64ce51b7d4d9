/** The application's counters, served in Prometheus text on every server. */
package dev.authservice.metrics;
