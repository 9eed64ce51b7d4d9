package dev.authservice.it;

import static dev.authservice.it.HttpClientSupport.token;
import static dev.authservice.it.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Durability and shipped defaults, against the packaged WAR with its own configuration: what the
 * service acknowledged survives `kill -9`, and the stored hashes use OWASP's PBKDF2 parameters.
 */
class CrashRecoveryIT {

    private static final String PASSWORD = "a password nobody guesses";

    @Test
    void acknowledgedRegistrationsAndLogoutsSurviveKill9() throws Exception {
        Path workDir = ServiceProcess.workDir("crash");
        List<String> users = new ArrayList<>();
        String revoked;
        String live;
        try (ServiceProcess service = new ServiceProcess(workDir).start()) {
            HttpClientSupport http = new HttpClientSupport(service.baseUri());
            for (int i = 0; i < 3; i++) {
                String username = HttpClientSupport.uniqueUsername("durable" + i);
                assertEquals(201, http.register(username, PASSWORD).statusCode());
                users.add(username);
            }
            revoked = token(http.login(users.get(0), PASSWORD));
            live = token(http.login(users.get(0), PASSWORD));
            assertEquals(200, http.logout(revoked).statusCode());

            service.kill9();

            service.start();
            for (String username : users) {
                assertEquals(200, http.login(username, PASSWORD).statusCode(), username + " can still log in");
            }
            assertProblem(401, http.logout(revoked));
            assertEquals(200, http.logout(live).statusCode(), "an unrevoked session survived too");

            String log = service.log();
            assertFalse(log.contains(PASSWORD), "no password in the server log");
            assertFalse(log.contains(revoked) || log.contains(live), "no token in the server log");
            assertTrue(
                    log.contains("event=register user=" + users.get(0) + " client=127.0.0.1"),
                    "security events are logged");
            assertTrue(log.contains("event=logout user=" + users.get(0)), "security events are logged");
        }

        // The server is down; read its database directly.
        try (Connection db = DriverManager.getConnection(
                "jdbc:derby:" + workDir.resolve("db").toAbsolutePath())) {
            String hash = single(db, "SELECT PASSWORD_HASH FROM AUTH_USER WHERE USERNAME = ?", users.get(0));
            assertShippedOwaspParameters(hash);
            assertEquals(
                    null,
                    single(db, "SELECT USERNAME FROM AUTH_SESSION WHERE TOKEN_HASH = ?", live),
                    "tokens are stored only as hashes");
        } finally {
            shutdownDerby(workDir.resolve("db"));
        }
    }

    /** PBKDF2WithHmacSHA256, 600,000 iterations, 32-byte salt, 32-byte key. */
    private static void assertShippedOwaspParameters(String storedHash) {
        String[] parts = storedHash.split(":");
        assertEquals(4, parts.length, storedHash);
        assertEquals("PBKDF2WithHmacSHA256", parts[0]);
        assertEquals("600000", parts[1]);
        assertEquals(32, Base64.getDecoder().decode(parts[2]).length, "salt bytes");
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length, "key bytes");
        assertFalse(storedHash.contains(PASSWORD));
        assertTrue(storedHash.length() > 60);
    }

    private static String single(Connection db, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static void shutdownDerby(Path db) {
        try {
            DriverManager.getConnection("jdbc:derby:" + db.toAbsolutePath() + ";shutdown=true")
                    .close();
        } catch (SQLException expected) {
            // Derby reports a successful shutdown as SQLState 08006.
        }
    }
}
