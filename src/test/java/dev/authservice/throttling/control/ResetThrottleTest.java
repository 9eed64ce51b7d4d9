package dev.authservice.throttling.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.it.support.TestClock;
import dev.authservice.refusal.Refusal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ResetThrottleTest {

    private final TestClock clock = new TestClock();
    private final MapAttemptStore store = new MapAttemptStore();
    private final ResetThrottle throttle = new ResetThrottle(settings(2, 3), clock, store);

    private static ThrottleSettings settings(int perAccount, int perAddress) {
        ThrottleSettings settings = new ThrottleSettings();
        settings.resetsPerAccountPerHour = perAccount;
        settings.resetsPerAddressPerHour = perAddress;
        settings.maxTrackedNames = 1_000;
        return settings;
    }

    @Test
    void oneNameOrAddressHasItsHourlyShareWhoeverAsks() {
        throttle.count("bob", "192.0.2.1");
        throttle.count("bob", "192.0.2.2");

        Refusal refused = assertThrows(Refusal.class, () -> throttle.count("bob", "192.0.2.3"));
        assertEquals(Refusal.Reason.THROTTLED, refused.reason());
        throttle.count("alice", "192.0.2.3");

        clock.advance(Duration.ofHours(1));
        throttle.count("bob", "192.0.2.4");
    }

    @Test
    void oneClientAddressHasItsHourlyShareWhateverItAsksFor() {
        throttle.count("a", "192.0.2.1");
        throttle.count("b", "192.0.2.1");
        throttle.count("c", "192.0.2.1");

        assertThrows(Refusal.class, () -> throttle.count("d", "192.0.2.1"));
        throttle.count("d", "192.0.2.9");
    }

    @Test
    void whatWasAskedForIsKeptOnlyAsAHashUnderANameNoAccountCanHave() {
        throttle.count("bob@example.test", "192.0.2.1");

        assertEquals(2, store.names().size());
        assertTrue(store.names().contains("reset from 192.0.2.1"));
        assertTrue(store.names().stream().anyMatch(name -> name.matches("reset for [0-9a-f]{64}")));
    }
}
