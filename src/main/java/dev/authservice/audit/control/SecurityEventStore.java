package dev.authservice.audit.control;

import dev.authservice.audit.entity.StoredSecurityEvent;
import dev.authservice.persistence.control.BoundedTables;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The security events in the database, where every instance's are read together (the admin
 * console's view). An event is queued when {@link SecurityEvents} records it, after its
 * transaction has ended, and written with others by {@link SecurityEventWriter} within two
 * seconds, in a transaction of its own: a use case never waits for it, and a slow or absent
 * database costs no request anything. The queue is bounded; beyond it the oldest queued events
 * give way and are counted. The log line written at once stays the complete record.
 */
@ApplicationScoped
public class SecurityEventStore {

    /** What a burst may queue before the oldest give way: about a minute of a login flood. */
    static final int MAX_QUEUED = 20_000;

    /** Rows written per transaction. */
    static final int BATCH = 500;

    /** The most events one view lists. */
    public static final int MAX_SHOWN = 500;

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditSettings settings;

    private final ConcurrentLinkedDeque<StoredSecurityEvent> queued = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();

    /** Starts above any earlier run's: microseconds of the wall clock at start. */
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1000);

    /** Queues the event for the next write. */
    public void offer(SecurityEvent event) {
        queued.addLast(new StoredSecurityEvent(
                newId(),
                clock.instant(),
                event.kind().logName(),
                event.username(),
                event.target(),
                event.reason(),
                event.client(),
                event.sessions()));
        if (size.incrementAndGet() > MAX_QUEUED && queued.pollFirst() != null) {
            size.decrementAndGet();
            dropped.incrementAndGet();
        }
    }

    /** Takes up to a batch of the oldest queued events. */
    public List<StoredSecurityEvent> take() {
        List<StoredSecurityEvent> batch = new ArrayList<>();
        StoredSecurityEvent next;
        while (batch.size() < BATCH && (next = queued.pollFirst()) != null) {
            size.decrementAndGet();
            batch.add(next);
        }
        return batch;
    }

    /** Puts back a batch whose write failed, ahead of what was queued since. */
    public void putBack(List<StoredSecurityEvent> batch) {
        for (int i = batch.size() - 1; i >= 0; i--) {
            queued.addFirst(batch.get(i));
            size.incrementAndGet();
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void write(List<StoredSecurityEvent> batch) {
        batch.forEach(em::persist);
    }

    /** How many events gave way to newer ones since the start, and resets the count. */
    public long takeDropped() {
        return dropped.getAndSet(0);
    }

    /**
     * The newest events within the retention, newest first, at most {@code max}; with a username,
     * only those it did or that were done to it.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StoredSecurityEvent> newest(String username, int max) {
        Instant since = clock.instant().minus(settings.retention());
        var query = username == null || username.isEmpty()
                ? em.createNamedQuery(StoredSecurityEvent.NEWEST, StoredSecurityEvent.class)
                : em.createNamedQuery(StoredSecurityEvent.NEWEST_OF, StoredSecurityEvent.class)
                        .setParameter("username", username);
        return query.setParameter("since", since)
                .setMaxResults(Math.max(1, Math.min(max, MAX_SHOWN)))
                .getResultList();
    }

    /** Forgets events older than the retention, then the oldest beyond auth.audit.max-events; returns how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purge() {
        return BoundedTables.trim(
                em,
                StoredSecurityEvent.OLDER_THAN,
                StoredSecurityEvent.COUNT,
                StoredSecurityEvent.TIMES_NEWEST_FIRST,
                clock.instant().minus(settings.retention()),
                settings.maxEvents());
    }

    /**
     * 16 hex digits of this instance's sequence, then 6 random characters: unique across
     * instances, and in the order this instance recorded them, which orders events of the same
     * millisecond (the view sorts by time, then by id).
     */
    private String newId() {
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        return String.format("%016x", sequence.incrementAndGet())
                + Base64.getUrlEncoder().withoutPadding().encodeToString(random).substring(0, 6);
    }
}
