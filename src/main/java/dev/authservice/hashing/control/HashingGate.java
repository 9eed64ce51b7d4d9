package dev.authservice.hashing.control;

import dev.authservice.refusal.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Bounds the PBKDF2 work running at once to about the core count, so a flood of logins cannot
 * take every CPU and request thread from the token checks that front ends make on every request.
 * A few callers may wait for a turn; beyond that, or past the longest wait, the caller is refused
 * at once with a hashing-busy {@link Refusal} (503) instead of letting latency grow without bound.
 */
@ApplicationScoped
public class HashingGate {

    private Semaphore permits;
    private AtomicInteger waiting;
    private int maxWaiting;
    private Duration maxWait;

    protected HashingGate() {
        // for the CDI proxy
    }

    @Inject
    public HashingGate(HashingSettings settings) {
        this(settings.concurrency(), settings.queue(), settings.maxWait());
    }

    /** {@code concurrency} 0 means the number of cores. */
    HashingGate(int concurrency, int queue, Duration maxWait) {
        int running = concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors();
        this.permits = new Semaphore(running, true);
        this.waiting = new AtomicInteger();
        this.maxWaiting = queue;
        this.maxWait = maxWait;
    }

    public <T> T run(Supplier<T> hashingWork) {
        acquire();
        try {
            return hashingWork.get();
        } finally {
            permits.release();
        }
    }

    /** Callers waiting for a slot right now. */
    public int waiting() {
        return waiting.get();
    }

    private void acquire() {
        if (permits.tryAcquire()) {
            return;
        }
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            throw Refusal.hashingBusy();
        }
        try {
            if (!permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw Refusal.hashingBusy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Refusal.hashingBusy();
        } finally {
            waiting.decrementAndGet();
        }
    }
}
