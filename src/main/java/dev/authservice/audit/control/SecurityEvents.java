package dev.authservice.audit.control;

import dev.authservice.metrics.control.AuthMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The audit trail: each {@link SecurityEvent} becomes one log line (logger {@code auth.security}),
 * one step of its counter in {@link AuthMetrics}, and a row for the admin console
 * ({@link SecurityEventStore}). Successes are recorded after their
 * transaction commits, refusals after theirs rolls back, so nothing is recorded that did not
 * happen.
 */
@ApplicationScoped
public class SecurityEvents {

    private static final Logger LOG = Logger.getLogger("auth.security");

    @Inject
    AuthMetrics metrics;

    @Inject
    SecurityEventStore store;

    private final Map<SecurityEvent.Kind, AuthMetrics.Counter> counters = new EnumMap<>(SecurityEvent.Kind.class);

    /** At deployment, so that /metrics lists every counter before the first event. */
    void registerMetrics(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        String logins = "Login attempts by outcome (failure includes wrong passwords at re-authentication)";
        AuthMetrics.Counter failures = metrics.counter("auth.logins", logins, "outcome", "failure");
        String mfa = "Second-factor changes";
        counters.put(SecurityEvent.Kind.REGISTERED, metrics.counter("auth.registrations", "Accounts registered"));
        AuthMetrics.Counter successes = metrics.counter("auth.logins", logins, "outcome", "success");
        counters.put(SecurityEvent.Kind.LOGIN_SUCCEEDED, successes);
        counters.put(SecurityEvent.Kind.PASSKEY_SIGN_IN, successes);
        counters.put(SecurityEvent.Kind.LOGIN_FAILED, failures);
        counters.put(SecurityEvent.Kind.PASSWORD_CHANGE_FAILED, failures);
        counters.put(SecurityEvent.Kind.REAUTHENTICATION_FAILED, failures);
        counters.put(
                SecurityEvent.Kind.LOGIN_THROTTLED, metrics.counter("auth.logins", logins, "outcome", "throttled"));
        counters.put(SecurityEvent.Kind.LOGGED_OUT, metrics.counter("auth.logouts", "Sessions ended by logout"));
        counters.put(
                SecurityEvent.Kind.PASSWORD_CHANGED, metrics.counter("auth.password.changes", "Passwords changed"));
        counters.put(SecurityEvent.Kind.PASSWORD_RESET, counters.get(SecurityEvent.Kind.PASSWORD_CHANGED));
        counters.put(
                SecurityEvent.Kind.PASSWORD_RESET_REQUESTED,
                metrics.counter("auth.password.reset.requests", "Password resets asked for, by name or address"));
        String email = "Email address changes";
        counters.put(SecurityEvent.Kind.EMAIL_CHANGED, metrics.counter("auth.email.changes", email, "change", "set"));
        counters.put(
                SecurityEvent.Kind.EMAIL_VERIFIED, metrics.counter("auth.email.changes", email, "change", "verified"));
        counters.put(
                SecurityEvent.Kind.OTP_FAILED,
                metrics.counter("auth.otp.failures", "Wrong one-time or recovery codes"));
        counters.put(SecurityEvent.Kind.MFA_ENROLLED, metrics.counter("auth.mfa.changes", mfa, "change", "enrolled"));
        counters.put(SecurityEvent.Kind.MFA_CONFIRMED, metrics.counter("auth.mfa.changes", mfa, "change", "confirmed"));
        counters.put(SecurityEvent.Kind.MFA_DISABLED, metrics.counter("auth.mfa.changes", mfa, "change", "disabled"));
        AuthMetrics.Counter revoked = metrics.counter("auth.sessions.revoked", "Sessions revoked by their owner");
        counters.put(SecurityEvent.Kind.SESSION_REVOKED, revoked);
        counters.put(SecurityEvent.Kind.OTHER_SESSIONS_REVOKED, revoked);
        counters.put(SecurityEvent.Kind.ACCOUNT_DELETED, metrics.counter("auth.accounts.deleted", "Accounts deleted"));
        counters.put(
                SecurityEvent.Kind.ACCESS_FORBIDDEN,
                metrics.counter("auth.access.forbidden", "Signed-in users refused by a location's group requirement"));
        counters.put(
                SecurityEvent.Kind.REDIRECT_REFUSED,
                metrics.counter("auth.portal.redirects.refused", "Sign-in and sign-out redirect targets refused"));
        String admin = "Admin API calls by action";
        for (SecurityEvent.Kind kind : SecurityEvent.Kind.values()) {
            if (kind.logName().startsWith("passkey.")) {
                counters.put(
                        kind,
                        metrics.counter(
                                "auth.passkeys",
                                "Passkey changes and refused assertions",
                                "event",
                                kind.logName().substring(8)));
            }
            if (kind.logName().startsWith("admin.")) {
                counters.put(
                        kind,
                        metrics.counter(
                                "auth.admin.actions",
                                admin,
                                "action",
                                kind.logName().substring(6)));
            }
        }
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) SecurityEvent event) {
        record(event);
    }

    void rolledBack(@Observes(during = TransactionPhase.AFTER_FAILURE) SecurityEvent event) {
        record(event);
    }

    private void record(SecurityEvent event) {
        counters.get(event.kind()).inc(countsSessions(event.kind()) ? event.sessions() : 1);
        LOG.log(event.kind().level(), () -> LogLine.of(event));
        store.offer(event);
    }

    private static boolean countsSessions(SecurityEvent.Kind kind) {
        return kind == SecurityEvent.Kind.LOGGED_OUT || kind == SecurityEvent.Kind.OTHER_SESSIONS_REVOKED;
    }
}
