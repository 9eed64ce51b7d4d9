package dev.authservice.persistence.control;

import jakarta.resource.ResourceException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Recognises a failure that means "the database cannot be reached right now" (stopped,
 * restarting, unreachable, out of connections), as opposed to a fault of ours: the request gets
 * 503 with Retry-After, and succeeds again once the database is back.
 */
public final class DatabaseOutage {

    /** SQLState classes and codes of lost or refused connections, PostgreSQL's shutdowns among them. */
    private static final Set<String> OUTAGE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseOutage() {}

    public static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    // The server's pool could not hand out a connection (Jakarta Connectors).
                    || cause instanceof ResourceException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || OUTAGE_STATES.contains(sql.getSQLState()))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
