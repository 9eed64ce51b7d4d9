package dev.authservice.hashing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.refusal.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HashingGateTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(16);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stopPool() throws InterruptedException {
        release.countDown();
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    }

    /** Work that holds its slot until the test releases it. */
    private int held(AtomicInteger running) {
        running.incrementAndGet();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return running.getAndDecrement();
    }

    @Test
    void neverMoreThanTheConcurrencyRunAtOnce() throws Exception {
        HashingGate gate = new HashingGate(2, 100, Duration.ofSeconds(30));
        AtomicInteger running = new AtomicInteger();
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            results.add(pool.submit(() -> gate.run(() -> held(running))));
        }
        assertTrue(eventually(() -> gate.waiting() == 10), "ten wait while two run");
        assertEquals(2, running.get());
        release.countDown();
        for (Future<Integer> result : results) {
            assertTrue(result.get(10, TimeUnit.SECONDS) <= 2);
        }
    }

    @Test
    void aFullQueueIsRefusedAtOnce() {
        HashingGate gate = new HashingGate(1, 1, Duration.ofMinutes(5));
        AtomicInteger running = new AtomicInteger();
        pool.submit(() -> gate.run(() -> held(running)));
        assertTrue(eventually(() -> running.get() == 1));
        pool.submit(() -> gate.run(() -> 0));
        assertTrue(eventually(() -> gate.waiting() == 1));
        Refusal refusal = assertThrows(Refusal.class, () -> gate.run(() -> 0), "refused without waiting five minutes");
        assertEquals(Refusal.Reason.HASHING_BUSY, refusal.reason());
        assertEquals(1, refusal.retryAfterSeconds());
    }

    @Test
    void aWaitLongerThanTheMaximumIsRefused() {
        HashingGate gate = new HashingGate(1, 10, Duration.ZERO);
        AtomicInteger running = new AtomicInteger();
        pool.submit(() -> gate.run(() -> held(running)));
        assertTrue(eventually(() -> running.get() == 1));
        assertThrows(Refusal.class, () -> gate.run(() -> 0));
        assertEquals(0, gate.waiting(), "the refused caller no longer counts as waiting");
    }

    @Test
    void aFailureGivesItsSlotBack() {
        HashingGate gate = new HashingGate(1, 0, Duration.ZERO);
        assertThrows(
                IllegalStateException.class,
                () -> gate.run(() -> {
                    throw new IllegalStateException("boom");
                }));
        assertEquals(7, gate.run(() -> 7), "the one slot is free again");
    }

    @Test
    void aRefusalInsideTheWorkGivesItsSlotBack() {
        HashingGate gate = new HashingGate(1, 0, Duration.ZERO);
        Refusal wrongPassword = Refusal.invalidCredentials();
        assertSame(
                wrongPassword,
                assertThrows(
                        Refusal.class,
                        () -> gate.run(() -> {
                            throw wrongPassword;
                        })));
        assertEquals(7, gate.run(() -> 7), "the one slot is free again");
    }

    /** Polls what other threads do, with a deadline; the gate itself is never slept on. */
    private static boolean eventually(BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }
}
