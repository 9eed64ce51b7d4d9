package dev.authservice.persistence.control;

import java.util.Locale;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * PostgreSQL, the production database, chosen by auth.db.url (AUTH_DB_URL). Connections fail
 * fast instead of hanging when the database is down or unreachable: the timeouts below apply
 * unless the URL sets its own.
 */
final class ServerDatabase {

    /** Seconds to open a connection, and to wait for any answer on one. */
    static final int CONNECT_TIMEOUT_SECONDS = 5;

    static final int SOCKET_TIMEOUT_SECONDS = 30;

    private ServerDatabase() {}

    static DataSource dataSource(String url, String user, String password) {
        if (!url.startsWith("jdbc:postgresql:")) {
            // Never echo the URL: it may carry a password.
            throw new IllegalStateException(
                    "auth.db.url must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)");
        }
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(url);
        String lowerUrl = url.toLowerCase(Locale.ROOT);
        if (!lowerUrl.contains("connecttimeout=")) {
            postgres.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
        }
        if (!lowerUrl.contains("sockettimeout=")) {
            postgres.setSocketTimeout(SOCKET_TIMEOUT_SECONDS);
        }
        if (!lowerUrl.contains("logintimeout=")) {
            postgres.setLoginTimeout(CONNECT_TIMEOUT_SECONDS);
        }
        if (!user.isBlank()) {
            postgres.setUser(user);
        }
        if (!password.isEmpty()) {
            postgres.setPassword(password);
        }
        postgres.setApplicationName("auth-service");
        return postgres;
    }
}
