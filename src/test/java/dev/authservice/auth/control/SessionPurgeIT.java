package dev.authservice.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import javax.naming.InitialContext;
import javax.sql.DataSource;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.authservice.auth.boundary.AuthBean;
import dev.authservice.auth.it.Deployments;

/** The purge timer, in the container: expired sessions disappear from the table by themselves. */
@ExtendWith(ArquillianExtension.class)
class SessionPurgeIT {

    private static final String PASSWORD = "correct horse battery";

    @Deployment
    static WebArchive deployment() {
        return Deployments.authService(Map.of(
                "auth.password.hash.iterations", "1024",
                "auth.session.idle-timeout", "PT1S",
                "auth.session.absolute-timeout", "PT1S",
                "auth.session.purge-batch-size", "7")).addClass(SessionPurgeIT.class);
    }

    @Inject
    AuthBean auth;

    @Inject
    SessionMaintenance maintenance;

    @Test
    void aBatchDeletesAtMostItsSize() throws Exception {
        String username = user();
        for (int i = 0; i < 10; i++) {
            auth.login(new Credentials(username, PASSWORD));
        }
        Thread.sleep(1_100);
        int deleted = maintenance.purgeExpired(Instant.now(), 4);
        assertTrue(deleted <= 4 && deleted > 0, "deleted " + deleted);
    }

    @Test
    void theTimerPurgesExpiredSessionsInBatches() throws Exception {
        String username = user();
        for (int i = 0; i < 40; i++) {
            auth.login(new Credentials(username, PASSWORD));
        }
        assertEquals(40, sessionsOf(username));
        long deadline = System.currentTimeMillis() + 30_000;
        while (sessionsOf(username) > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
        assertEquals(0, sessionsOf(username), "40 sessions, batches of 7, purged by the timer within 30 s");
    }

    private String user() {
        String username = "purge-" + UUID.randomUUID().toString().substring(0, 12);
        auth.register(new Credentials(username, PASSWORD));
        return username;
    }

    private static int sessionsOf(String username) throws Exception {
        DataSource dataSource = InitialContext.doLookup("java:app/jdbc/auth");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM AUTH_SESSION WHERE USERNAME = ?")) {
            query.setString(1, username);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
