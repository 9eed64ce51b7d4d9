package dev.authservice.auth.control;

import java.time.Instant;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Every security event, in one place: one log line (logger {@code auth.security}) with the
 * username and client address, never a password or token, and its MicroProfile Metrics counter.
 */
@ApplicationScoped
public class SecurityEvents {

    private static final Logger LOG = Logger.getLogger("auth.security");

    @Inject
    MetricRegistry metrics;

    @Inject
    SessionMaintenance sessions;

    private Counter registrations;
    private Counter loginSuccesses;
    private Counter loginFailures;
    private Counter loginsThrottled;
    private Counter logouts;
    private Counter passwordChanges;

    @PostConstruct
    void registerMetrics() {
        registrations = metrics.counter("auth.registrations");
        loginSuccesses = metrics.counter("auth.logins", new Tag("outcome", "success"));
        loginFailures = metrics.counter("auth.logins", new Tag("outcome", "failure"));
        loginsThrottled = metrics.counter("auth.logins", new Tag("outcome", "throttled"));
        logouts = metrics.counter("auth.logouts");
        passwordChanges = metrics.counter("auth.password.changes");
        metrics.gauge("auth.sessions.live", sessions, live -> live.countLive(Instant.now()));
        // PasswordHasher times into this timer; created here so it is listed from the start.
        metrics.timer("auth.password.hashing");
    }

    /** Creates the metrics at deployment, so /metrics shows them before the first request. */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registrations.getCount();
    }

    public void registered(String username, String client) {
        registrations.inc();
        LOG.info(() -> line("register", username, client));
    }

    public void loginSucceeded(String username, String client) {
        loginSuccesses.inc();
        LOG.info(() -> line("login.success", username, client));
    }

    public void loginFailed(String username, String client) {
        loginFailures.inc();
        LOG.info(() -> line("login.failure", username, client));
    }

    public void loginThrottled(String username, String client) {
        loginsThrottled.inc();
        LOG.info(() -> line("login.throttled", username, client));
    }

    public void loggedOut(String username, String client, int sessions) {
        logouts.inc(sessions);
        LOG.info(() -> line("logout", username, client) + " sessions=" + sessions);
    }

    public void passwordChanged(String username, String client) {
        passwordChanges.inc();
        LOG.info(() -> line("password.change", username, client));
    }

    public void passwordChangeFailed(String username, String client) {
        loginFailures.inc();
        LOG.info(() -> line("password.change.failure", username, client));
    }

    static String line(String event, String username, String client) {
        return "event=" + event + " user=" + printable(username) + " client=" + printable(client);
    }

    /** A name as sent may hold anything: no line breaks or controls reach the log (no log forging). */
    static String printable(String text) {
        if (text == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder();
        String bounded = text.length() > 128 ? text.substring(0, 128) + "…" : text;
        bounded.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT || cp == ' ' || cp == '"') {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
