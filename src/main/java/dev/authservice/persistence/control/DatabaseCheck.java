package dev.authservice.persistence.control;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import javax.sql.DataSource;

/**
 * Whether the database answers, for readiness. The datasource is resolved at deployment, by the
 * startup observer: a server may run health checks on a thread of its own (WildFly's management
 * threads) where the application's java:app names cannot be looked up.
 */
@ApplicationScoped
public class DatabaseCheck {

    public static final String NAME = "database";

    private static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = "java:app/jdbc/auth")
    DataSource dataSource;

    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // creating the bean at deployment is the point: its datasource is injected now
    }

    public boolean answers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }
}
