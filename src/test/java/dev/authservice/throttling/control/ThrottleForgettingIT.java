package dev.authservice.throttling.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.it.support.InsideTheService;
import dev.authservice.it.support.TableRows;
import dev.authservice.it.support.TestClock;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The throttle's memory on the real database: a day per name, and at most auth.throttle.max-tracked-names names. */
public class ThrottleForgettingIT extends InsideTheService {

    @Inject
    LoginThrottle throttle;

    @Inject
    TestClock clock;

    @Test
    void aNameIsRememberedForADayAfterItsLastAttemptAndNoLonger() throws Exception {
        String name = "forget-" + UUID.randomUUID();
        throttle.beginAttempt(name);
        clock.advance(Duration.ofHours(23));
        throttle.forgetOld();
        assertEquals(
                1, TableRows.count("SELECT COUNT(*) FROM AUTH_THROTTLE WHERE NAME = ?", name), "kept within the day");
        clock.advance(Duration.ofHours(2));
        throttle.forgetOld();
        assertEquals(
                0, TableRows.count("SELECT COUNT(*) FROM AUTH_THROTTLE WHERE NAME = ?", name), "forgotten after it");
    }

    @Test
    void beyondTheBoundTheLeastRecentlyTriedAreForgottenFirst() throws Exception {
        String prefix = "bound-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        for (int i = 0; i <= 1_000; i++) {
            throttle.beginAttempt(prefix + i);
            clock.advance(Duration.ofMillis(1));
        }
        // (The timer may have made this cut already; it makes the same one.)
        throttle.forgetOld();
        assertTrue(
                TableRows.count("SELECT COUNT(*) FROM AUTH_THROTTLE WHERE NAME <> ?", "") <= 1_000, "the bound holds");
        assertEquals(
                0,
                TableRows.count("SELECT COUNT(*) FROM AUTH_THROTTLE WHERE NAME = ?", prefix + 0),
                "the oldest goes, though tried within the day");
        assertEquals(
                1,
                TableRows.count("SELECT COUNT(*) FROM AUTH_THROTTLE WHERE NAME = ?", prefix + 1_000),
                "the newest stays");
    }
}
