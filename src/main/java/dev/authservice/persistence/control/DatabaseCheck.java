package dev.authservice.persistence.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Whether the database answers, for readiness. The datasource is looked up at deployment: a server
 * may run health checks on a thread of its own (WildFly's management threads) where the
 * application's java:app names cannot be looked up.
 */
@ApplicationScoped
public class DatabaseCheck {

    public static final String NAME = "database";

    private static final int TIMEOUT_SECONDS = 2;

    private volatile DataSource dataSource;

    void lookUp(@Observes @Initialized(ApplicationScoped.class) Object deployed) throws NamingException {
        dataSource = InitialContext.doLookup("java:app/jdbc/auth");
    }

    /** False also before the lookup, or when a failed deployment never made it: not ready either way. */
    public boolean answers() {
        if (dataSource == null) {
            return false;
        }
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }
}
