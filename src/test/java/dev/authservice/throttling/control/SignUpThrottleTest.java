package dev.authservice.throttling.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.authservice.it.support.TestClock;
import dev.authservice.refusal.Refusal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignUpThrottleTest {

    private final TestClock clock = new TestClock();
    private final MapAttemptStore store = new MapAttemptStore();
    private final SignUpThrottle throttle = new SignUpThrottle(settings(3), clock, store);

    private static ThrottleSettings settings(int perHour) {
        ThrottleSettings settings = new ThrottleSettings();
        settings.signUpsPerAddressPerHour = perHour;
        settings.maxTrackedNames = 1_000;
        return settings;
    }

    @Test
    void anAddressHasItsHourlyShareWithoutDelaysThenWaitsForTheHourToEnd() {
        throttle.count("192.0.2.1");
        throttle.count("192.0.2.1");
        throttle.count("192.0.2.1");

        Refusal refused = assertThrows(Refusal.class, () -> throttle.count("192.0.2.1"));
        assertEquals(Refusal.Reason.THROTTLED, refused.reason());
        assertEquals(3600, refused.retryAfterSeconds());

        clock.advance(Duration.ofHours(1));
        throttle.count("192.0.2.1");
        throttle.count("192.0.2.1");
        throttle.count("192.0.2.1");
        assertThrows(Refusal.class, () -> throttle.count("192.0.2.1"), "the next hour's share, no smaller");
    }

    @Test
    void eachAddressIsCountedApartAndUnderANameNoAccountCanHave() {
        throttle.count("192.0.2.1");
        throttle.count("192.0.2.1");
        throttle.count("192.0.2.1");
        throttle.count("192.0.2.2");
        throttle.count(null);

        assertEquals(2, store.names().size());
        assertEquals(true, store.names().contains("sign-up from 192.0.2.1"));
    }
}
