package dev.authservice.it.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.authservice.it.support.HttpClientSupport;
import dev.authservice.it.support.ServiceProcess;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * A hash made with weaker parameters is replaced on the next successful login: the same database
 * is served first with 1,024 PBKDF2 iterations (set through the environment), then with the
 * shipped 600,000.
 */
class PasswordRehashIT {

    private static final String PASSWORD = "an old but good password";

    @Test
    void aWeakerStoredHashIsUpgradedOnTheNextLogin() throws Exception {
        Path workDir = ServiceProcess.workDir("rehash");
        String username = HttpClientSupport.uniqueUsername("rehash");
        String wrongLoginHash;
        try (ServiceProcess service = new ServiceProcess(workDir)
                .withEnv("AUTH_PASSWORD_HASH_ITERATIONS", "1024")
                .start()) {
            HttpClientSupport http = new HttpClientSupport(service.baseUri());
            assertEquals(201, http.register(username, PASSWORD).statusCode());
            service.stop();
            assertEquals("1024", storedIterations(workDir, username));

            service.withoutEnv("AUTH_PASSWORD_HASH_ITERATIONS").start();
            assertEquals(401, http.login(username, "not the password").statusCode());
            service.stop();
            wrongLoginHash = storedIterations(workDir, username);

            service.start();
            assertEquals(200, http.login(username, PASSWORD).statusCode(), "the old hash still verifies");
            assertEquals(200, http.login(username, PASSWORD).statusCode());
        }
        assertEquals("1024", wrongLoginHash, "a failed login changes nothing");
        assertEquals("600000", storedIterations(workDir, username), "upgraded to the configured parameters");
    }

    private static String storedIterations(Path workDir, String username) throws SQLException {
        String url = "jdbc:derby:" + workDir.resolve("db").toAbsolutePath();
        try (Connection db = DriverManager.getConnection(url);
                PreparedStatement query =
                        db.prepareStatement("SELECT PASSWORD_HASH FROM AUTH_USER WHERE USERNAME = ?")) {
            query.setString(1, username);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1).split(":")[1];
            }
        } finally {
            try {
                DriverManager.getConnection(url + ";shutdown=true").close();
            } catch (SQLException expected) {
                // 08006: Derby confirms the shutdown with an exception
            }
        }
    }
}
