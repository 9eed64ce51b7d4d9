package dev.authservice.persistence.control;

import java.sql.SQLException;

/** Tells a broken integrity constraint (a key two transactions raced for) from any other database failure. */
public final class ConstraintViolations {

    /** SQLState class 23: integrity constraint violation, on Derby and PostgreSQL alike. */
    private static final String INTEGRITY_CONSTRAINT_VIOLATION = "23";

    private ConstraintViolations() {}

    public static boolean causedBy(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(INTEGRITY_CONSTRAINT_VIOLATION)) {
                return true;
            }
        }
        return false;
    }
}
