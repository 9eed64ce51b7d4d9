package dev.authservice.sessions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.authservice.accounts.control.Credentials;
import dev.authservice.audit.entity.Client;
import dev.authservice.auth.boundary.AuthBean;
import dev.authservice.hashing.entity.Password;
import dev.authservice.it.support.Deployments;
import dev.authservice.it.support.Poll;
import dev.authservice.it.support.TableRows;
import dev.authservice.it.support.TestClock;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
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
        return Deployments.inContainer(
                Deployments.authService("purge-timer", Map.of("auth.session.purge-interval", "PT1S"))
                        .addClasses(SessionPurgeTimerIT.class, Poll.class, TableRows.class));
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

    /** A run that fails (here: the table locked past Derby's lock timeout) must not stop the timer. */
    @Test
    void afterAFailedRunTheNextOneStillRuns() throws Exception {
        DataSource dataSource = InitialContext.doLookup("java:app/jdbc/auth");
        try (Connection locker = dataSource.getConnection();
                Statement sql = locker.createStatement()) {
            // This side of Arquillian runs in the server, where only the connection says which database it is.
            assumeTrue(
                    locker.getMetaData().getDatabaseProductName().contains("Derby"),
                    "PostgreSQL waits for the lock instead of failing the run");
            String expiring = userWithSessions(3);
            sql.execute("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', '1')");
            List<LogRecord> failures = new CopyOnWriteArrayList<>();
            Handler recorder = new Handler() {
                @Override
                public void publish(LogRecord record) {
                    if (record.getLevel() == Level.WARNING
                            && record.getMessage().startsWith("Purging expired sessions failed")) {
                        failures.add(record);
                    }
                }

                @Override
                public void flush() {}

                @Override
                public void close() {}
            };
            Logger purgerLog = Logger.getLogger(SessionPurger.class.getName());
            purgerLog.addHandler(recorder);
            locker.setAutoCommit(false);
            sql.execute("LOCK TABLE AUTH_SESSION IN EXCLUSIVE MODE");
            // The sessions expire only once the table is locked: a run between the two would
            // purge them, on a busy machine too.
            clock.advance(Duration.ofHours(13));
            // Each run now waits a second for the lock, then fails, and says so in the log.
            boolean failed = Poll.until(Duration.ofSeconds(30), () -> !failures.isEmpty());
            purgerLog.removeHandler(recorder);
            assertTrue(failed, "a run failed on the locked table and logged it");
            assertEquals(
                    3,
                    TableRows.count(locker, "SELECT COUNT(*) FROM AUTH_SESSION WHERE USERNAME = ?", expiring),
                    "nothing purged while locked");
            locker.rollback();
            locker.setAutoCommit(true);
            sql.execute("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', NULL)");
            assertTrue(
                    Poll.until(Duration.ofSeconds(30), () -> sessionsOf(expiring) == 0),
                    "a later run purged what the failed ones could not");
        }
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
        return TableRows.count("SELECT COUNT(*) FROM AUTH_SESSION WHERE USERNAME = ?", username);
    }
}
