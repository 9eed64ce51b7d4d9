/** The metrics registry, and its mirror into a server's own MicroProfile Metrics where there is one. */
package dev.authservice.metrics.control;
