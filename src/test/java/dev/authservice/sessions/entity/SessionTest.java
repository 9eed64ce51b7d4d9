package dev.authservice.sessions.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.accounts.entity.User;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A session's deadlines: idle and absolute, sliding, and when a slide is worth writing. */
class SessionTest {

    private static final Instant LOGIN = Instant.parse("2026-01-01T08:00:00Z");
    private static final SessionLifetimes LIFETIMES =
            new SessionLifetimes(Duration.ofHours(12), Duration.ofMinutes(30), Duration.ofMinutes(1));
    private static final User ALICE = new User("alice", "hash", LOGIN);

    private static Session opened() {
        return Session.open("h".repeat(64), ALICE, LOGIN, LIFETIMES, "192.0.2.7", "test", AuthMethods.PASSWORD);
    }

    @Test
    void aNewSessionLivesUntilItsIdleDeadline() {
        Session session = opened();
        assertEquals(LOGIN.plus(Duration.ofHours(12)), session.expiresAt());
        assertEquals(LOGIN.plus(Duration.ofMinutes(30)), session.idleExpiresAt());
        assertEquals(Duration.ofMinutes(30), session.remainingAt(LOGIN));
        assertTrue(session.isLiveAt(LOGIN.plus(Duration.ofMinutes(29))));
        assertFalse(session.isLiveAt(LOGIN.plus(Duration.ofMinutes(30))));
    }

    @Test
    void useSlidesTheIdleDeadline() {
        Session session = opened();
        session.usedAt(LOGIN.plus(Duration.ofMinutes(20)), LIFETIMES);
        assertEquals(LOGIN.plus(Duration.ofMinutes(50)), session.idleExpiresAt());
        assertTrue(session.isLiveAt(LOGIN.plus(Duration.ofMinutes(45))));
    }

    @Test
    void aSlideShorterThanTheRefreshIsNotMade() {
        Session session = opened();
        assertFalse(session.usedAt(LOGIN.plus(Duration.ofSeconds(59)), LIFETIMES), "nothing to write");
        assertEquals(LOGIN.plus(Duration.ofMinutes(30)), session.idleExpiresAt());
        assertTrue(session.usedAt(LOGIN.plus(Duration.ofSeconds(60)), LIFETIMES), "a slide to write");
        assertEquals(LOGIN.plus(Duration.ofMinutes(31)), session.idleExpiresAt());
    }

    @Test
    void theIdleDeadlineNeverPassesTheAbsoluteOne() {
        Session session = opened();
        for (int minutes = 20; minutes < 12 * 60; minutes += 20) {
            session.usedAt(LOGIN.plus(Duration.ofMinutes(minutes)), LIFETIMES);
        }
        assertEquals(session.expiresAt(), session.idleExpiresAt());
        assertFalse(session.isLiveAt(LOGIN.plus(Duration.ofHours(12))), "used every 20 minutes, dead at 12 hours");
    }

    @Test
    void anIdleTimeoutLongerThanTheAbsoluteOneIsCutToIt() {
        SessionLifetimes longIdle = new SessionLifetimes(Duration.ofMinutes(10), Duration.ofHours(1), Duration.ZERO);
        Session session = Session.open("h".repeat(64), ALICE, LOGIN, longIdle, null, null, AuthMethods.PASSWORD);
        assertEquals(LOGIN.plus(Duration.ofMinutes(10)), session.idleExpiresAt());
        assertEquals(Duration.ofMinutes(10), session.remainingAt(LOGIN));
    }
}
