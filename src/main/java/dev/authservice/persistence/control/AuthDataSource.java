package dev.authservice.persistence.control;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The class the application's datasource in WEB-INF/web.xml names. The server pools it as it
 * pools any datasource (not XA: the service's transactions use this one resource only, and XA
 * would only add recovery logs and warnings); this class decides, from MicroProfile Config, which database is behind
 * it: PostgreSQL when auth.db.url (AUTH_DB_URL) is set, embedded Derby otherwise. That choice
 * cannot be written in web.xml itself: each server spells configuration
 * substitution there its own way (Payara {@code ${MPCONFIG=...}}, WildFly {@code ${env.…}},
 * GlassFish none for this), while the configuration keys and environment variables
 * are read the same way on all of them ({@link EarlyConfig}).
 */
public class AuthDataSource implements DataSource {

    private volatile DataSource database;
    private PrintWriter logWriter;
    private int loginTimeoutSeconds;

    private DataSource database() {
        DataSource chosen = database;
        if (chosen == null) {
            synchronized (this) {
                if (database == null) {
                    database = chosen();
                }
                chosen = database;
            }
        }
        return chosen;
    }

    /** PostgreSQL when auth.db.url is set; otherwise embedded Derby in auth.db.dir. */
    private static DataSource chosen() {
        String url = EarlyConfig.value("auth.db.url").orElse("").strip();
        if (!url.isEmpty()) {
            return ServerDatabase.dataSource(
                    url,
                    EarlyConfig.value("auth.db.user").orElse(""),
                    EarlyConfig.value("auth.db.password").orElse(""));
        }
        String directory = EarlyConfig.value("auth.db.dir")
                .filter(dir -> !dir.isBlank())
                .orElseThrow(() -> new IllegalStateException("auth.db.dir is not set"));
        return EmbeddedDatabase.dataSource(directory);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return database().getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        // Some pools (GlassFish's) ask with an empty user when web.xml names none: the
        // configured login applies then.
        if (user == null || user.isBlank()) {
            return getConnection();
        }
        return database().getConnection(user, password);
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("java.util.logging is not used");
    }
}
