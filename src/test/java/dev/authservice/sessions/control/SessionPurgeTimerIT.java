package dev.authservice.sessions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.accounts.control.Credentials;
import dev.authservice.audit.entity.Client;
import dev.authservice.auth.boundary.AuthBean;
import dev.authservice.hashing.entity.Password;
import dev.authservice.it.Deployments;
import dev.authservice.it.Poll;
import dev.authservice.it.TestClock;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The purge timer on its own schedule: nothing calls it here, and expired sessions still go. */
@ExtendWith(ArquillianExtension.class)
class SessionPurgeTimerIT {

    private static final Password PASSWORD = Password.of("correct horse battery");

    @Deployment
    static WebArchive deployment() {
        return Deployments.authService("purge-timer", Map.of("auth.session.purge-interval", "PT1S"))
                .addClasses(SessionPurgeTimerIT.class, Poll.class);
    }

    @Inject
    AuthBean auth;

    @Inject
    TestClock clock;

    @Test
    void theTimerDeletesExpiredSessionsByItselfAndKeepsTheLiveOnes() throws Exception {
        String expiring = userWithSessions(5);
        clock.advance(Duration.ofHours(13));
        String live = userWithSessions(2);
        assertTrue(
                Poll.until(Duration.ofSeconds(30), () -> sessionsOf(expiring) == 0),
                "the timer, running every second, purged the expired sessions");
        assertEquals(2, sessionsOf(live));
    }

    private String userWithSessions(int count) {
        String username = "timer-" + UUID.randomUUID().toString().substring(0, 12);
        auth.register(username, PASSWORD, Client.NONE);
        for (int i = 0; i < count; i++) {
            auth.login(new Credentials(username, PASSWORD, null), Client.NONE);
        }
        return username;
    }

    private static int sessionsOf(String username) {
        try {
            DataSource dataSource = InitialContext.doLookup("java:app/jdbc/auth");
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement query =
                            connection.prepareStatement("SELECT COUNT(*) FROM AUTH_SESSION WHERE USERNAME = ?")) {
                query.setString(1, username);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
