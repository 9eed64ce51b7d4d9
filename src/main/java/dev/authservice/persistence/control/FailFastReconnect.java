package dev.authservice.persistence.control;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink retries a read that failed on a dead connection three times, five seconds apart:
 * with the database down, a token check would hang for fifteen seconds before its 503. Here it
 * retries once, at once: enough to step over a connection that died while it sat in the pool
 * (the database restarted), and no wait when the database is really gone.
 */
public class FailFastReconnect implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(1);
            login.setDelayBetweenConnectionAttempts(0);
        }
    }
}
