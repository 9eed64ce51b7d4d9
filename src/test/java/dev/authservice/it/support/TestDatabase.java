package dev.authservice.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database the integration tests run on: embedded Derby by default, or the throw-away
 * PostgreSQL cluster of `mvn verify -Ppostgres` (system properties auth.test.db.*), where every
 * test deployment or process gets a fresh database of its own, as it gets a fresh Derby directory.
 */
public final class TestDatabase {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestDatabase() {}

    public static boolean isPostgres() {
        return serverUrl().isPresent();
    }

    /** The cluster's URL (…/auth), if the tests run on PostgreSQL. */
    public static Optional<String> serverUrl() {
        return Optional.ofNullable(System.getProperty("auth.test.db.url")).filter(url -> !url.isBlank());
    }

    public static String user() {
        return System.getProperty("auth.test.db.user", "auth");
    }

    public static String password() {
        return System.getProperty("auth.test.db.password", "");
    }

    /** A new, empty PostgreSQL database, and the configuration keys that point the service at it. */
    public static Map<String, String> freshPostgres(String purpose) {
        String url = serverUrl().orElseThrow();
        String name = ("auth_" + purpose + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet())
                .replaceAll("[^A-Za-z0-9_]", "_")
                .toLowerCase();
        try (Connection admin = DriverManager.getConnection(url, user(), password());
                Statement sql = admin.createStatement()) {
            sql.executeUpdate("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return Map.of(
                "auth.db.url", url.substring(0, url.lastIndexOf('/') + 1) + name,
                "auth.db.user", user(),
                "auth.db.password", password());
    }
}
