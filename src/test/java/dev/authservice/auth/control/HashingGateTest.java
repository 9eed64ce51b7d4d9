package dev.authservice.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class HashingGateTest {

    @Test
    void neverMoreThanTheConcurrencyRunAtOnce() throws Exception {
        HashingGate gate = new HashingGate(2, 100, Duration.ofSeconds(10));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            results.add(pool.submit(() -> gate.run(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                sleep(5);
                running.decrementAndGet();
                return 1;
            })));
        }
        for (Future<Integer> result : results) {
            assertEquals(1, result.get(10, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(2, most.get());
    }

    @Test
    void aFullQueueIsRefusedAtOnce() throws Exception {
        HashingGate gate = new HashingGate(1, 1, Duration.ofSeconds(30));
        CountDownLatch hold = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        pool.submit(() -> gate.run(() -> await(hold)));
        sleep(100);
        pool.submit(() -> gate.run(() -> 0));
        sleep(100);
        long start = System.nanoTime();
        assertThrows(HashingBusyException.class, () -> gate.run(() -> 0));
        assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(100), "refused without waiting");
        hold.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
    }

    @Test
    void aWaitLongerThanTheMaximumIsRefused() {
        HashingGate gate = new HashingGate(1, 10, Duration.ofMillis(200));
        CountDownLatch hold = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        pool.submit(() -> gate.run(() -> await(hold)));
        sleep(50);
        assertThrows(HashingBusyException.class, () -> gate.run(() -> 0));
        hold.countDown();
        pool.shutdown();
    }

    @Test
    void aRefusalOrFailureGivesItsSlotBack() {
        HashingGate gate = new HashingGate(1, 0, Duration.ofMillis(10));
        assertThrows(IllegalStateException.class, () -> gate.run(() -> {
            throw new IllegalStateException("boom");
        }));
        assertEquals(7, gate.run(() -> 7));
    }

    private static int await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
