package dev.authservice.sessions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.accounts.control.Credentials;
import dev.authservice.audit.entity.Client;
import dev.authservice.auth.boundary.AuthBean;
import dev.authservice.hashing.entity.Password;
import dev.authservice.it.support.InsideTheService;
import dev.authservice.it.support.TableRows;
import dev.authservice.it.support.TestClock;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The purge, in the container, on the test clock. The timer's own period is an hour here, so it
 * never races the test: the test runs the timer's work itself, after moving the clock.
 */
public class SessionPurgeIT extends InsideTheService {

    private static final Password PASSWORD = Password.of("correct horse battery");
    private static final Duration PAST_EVERY_DEADLINE = Duration.ofHours(13);

    @Inject
    AuthBean auth;

    @Inject
    Sessions sessions;

    @Inject
    SessionPurger purger;

    @Inject
    TestClock clock;

    @Test
    void theTimerIsScheduledAtDeployment() {
        assertTrue(purger.isScheduled());
    }

    @Test
    void aBatchDeletesExactlyItsSizeWhenMoreAreExpired() throws Exception {
        userWithSessions(10);
        clock.advance(PAST_EVERY_DEADLINE);
        int before = allSessions();
        assertEquals(4, sessions.purgeExpired(4));
        assertEquals(before - 4, allSessions());
    }

    @Test
    void aRunPurgesEveryExpiredSessionInBatchesAndKeepsTheLiveOnes() throws Exception {
        String expiring = userWithSessions(40);
        clock.advance(PAST_EVERY_DEADLINE);
        String live = userWithSessions(3);

        int purged = purger.purge();

        assertTrue(purged >= 40, "40 sessions in batches of 7, purged " + purged);
        assertEquals(0, sessionsOf(expiring));
        assertEquals(3, sessionsOf(live));
        assertEquals(0, sessions.purgeExpired(7), "nothing left for the next run");
    }

    private String userWithSessions(int count) {
        String username = "purge-" + UUID.randomUUID().toString().substring(0, 12);
        auth.register(username, PASSWORD, Client.NONE);
        for (int i = 0; i < count; i++) {
            auth.login(new Credentials(username, PASSWORD, null), Client.NONE);
        }
        return username;
    }

    private static int allSessions() throws Exception {
        return TableRows.count("SELECT COUNT(*) FROM AUTH_SESSION WHERE USERNAME <> ?", "");
    }

    private static int sessionsOf(String username) throws Exception {
        return TableRows.count("SELECT COUNT(*) FROM AUTH_SESSION WHERE USERNAME = ?", username);
    }
}
