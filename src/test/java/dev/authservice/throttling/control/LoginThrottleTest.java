package dev.authservice.throttling.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.it.support.TestClock;
import dev.authservice.refusal.Refusal;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final TestClock clock = new TestClock();
    private final MapAttemptStore store = new MapAttemptStore();
    private final LoginThrottle throttle = new LoginThrottle(clock, 5, Duration.ofMinutes(15), 100, 1_000, store);

    private void fail(String name, int times) {
        for (int i = 0; i < times; i++) {
            throttle.beginAttempt(name);
        }
    }

    private long refusedFor(String name) {
        return assertThrows(Refusal.class, () -> throttle.beginAttempt(name)).retryAfterSeconds();
    }

    @Test
    void fiveFailuresAreFreeThenTheDelayDoubles() {
        fail("alice", 5);
        assertEquals(1, refusedFor("alice"));
        clock.advance(Duration.ofSeconds(1));
        fail("alice", 1);
        assertEquals(2, refusedFor("alice"));
        clock.advance(Duration.ofSeconds(2));
        fail("alice", 1);
        assertEquals(4, refusedFor("alice"));
    }

    @Test
    void theDelayIsCappedAtFifteenMinutes() {
        for (int i = 0; i < 20; i++) {
            try {
                throttle.beginAttempt("bob");
            } catch (Refusal e) {
                clock.advance(e.retryAfter());
                throttle.beginAttempt("bob");
            }
        }
        assertEquals(15 * 60, refusedFor("bob"));
    }

    @Test
    void aSuccessResetsTheCount() {
        fail("carol", 4);
        throttle.beginAttempt("carol");
        throttle.succeeded("carol");
        fail("carol", 5);
        assertEquals(1, refusedFor("carol"));
    }

    @Test
    void aRefundedAttemptLeavesTheRecordAsItWas() {
        fail("heidi", 4);
        LoginThrottle.Counted fifth = throttle.beginAttempt("heidi");
        throttle.refund(fifth);
        // The fifth failure started a delay of one second; refunded, it never happened.
        assertDoesNotThrow(() -> throttle.beginAttempt("heidi"));
        assertEquals(1, refusedFor("heidi"));
    }

    @Test
    void aRefundAfterAnotherCountTakesOneFailureOffAndKeepsTheRunningDelay() {
        fail("ivan", 3);
        LoginThrottle.Counted fourth = throttle.beginAttempt("ivan");
        throttle.beginAttempt("ivan");
        throttle.refund(fourth);
        assertEquals(1, refusedFor("ivan"));
        clock.advance(Duration.ofSeconds(1));
        // Four failures are left, so this is the fifth again: one second, not the sixth's two.
        fail("ivan", 1);
        assertEquals(1, refusedFor("ivan"));
    }

    @Test
    void namesAreThrottledIndependently() {
        fail("dave", 5);
        refusedFor("dave");
        assertDoesNotThrow(() -> throttle.beginAttempt("erin"));
    }

    @Test
    void neverMoreThanTheHourlyLimitOfFailures() {
        LoginThrottle generous =
                new LoginThrottle(clock, 1000, Duration.ofMinutes(15), 100, 1_000, new MapAttemptStore());
        for (int i = 0; i < 100; i++) {
            generous.beginAttempt("frank");
        }
        long retry = assertThrows(Refusal.class, () -> generous.beginAttempt("frank"))
                .retryAfterSeconds();
        assertEquals(3600, retry);
        clock.advance(Duration.ofHours(1));
        assertDoesNotThrow(() -> generous.beginAttempt("frank"));
    }

    @Test
    void simultaneousGuessesCannotSlipPastTheLimit() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger admitted = new AtomicInteger();
        for (int i = 0; i < 64; i++) {
            pool.submit(() -> {
                start.await();
                try {
                    throttle.beginAttempt("grace");
                    admitted.incrementAndGet();
                } catch (Refusal refused) {
                    // expected for all but five
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(5, admitted.get());
    }

    @Test
    void aFloodOfRandomNamesIsCutBackToTheBoundKeepingTheNewest() {
        for (int i = 0; i < 5_000; i++) {
            throttle.beginAttempt("random-" + i);
            clock.advance(Duration.ofMillis(1));
        }
        fail("target", 5);
        throttle.forgetOld();
        assertEquals(1_000, store.size());
        assertEquals(1, refusedFor("target"), "the name under attack is among the newest and stays throttled");
    }

    @Test
    void waitingADayDoesNotResetTheCount() {
        fail("heidi", 5);
        assertEquals(1, refusedFor("heidi"));
        clock.advance(Duration.ofHours(23));
        fail("heidi", 1);
        assertEquals(2, refusedFor("heidi"), "the doubling resumes where it was");
    }

    @Test
    void aNameIsForgottenOnlyADayAfterItsLastAttempt() {
        fail("ivan", 5);
        clock.advance(LoginThrottle.MEMORY.minusMinutes(1));
        throttle.forgetOld();
        assertEquals(1, store.size(), "kept for a day");
        clock.advance(Duration.ofMinutes(2));
        throttle.forgetOld();
        assertEquals(0, store.size());
        fail("ivan", 5);
        assertEquals(1, refusedFor("ivan"), "a fresh start: five free failures again");
    }
}
