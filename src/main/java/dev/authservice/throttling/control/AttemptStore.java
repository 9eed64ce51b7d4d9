package dev.authservice.throttling.control;

import dev.authservice.throttling.entity.ThrottleRecord;
import java.time.Instant;
import java.util.function.Consumer;

/** Where {@link LoginThrottle} keeps each name's {@link ThrottleRecord}. */
public interface AttemptStore {

    /**
     * Applies {@code change} to the name's record (a new one if it has none) and keeps it, atomically
     * against every other change of that name, with {@code now} as its last attempt.
     * {@code change} may run more than once, each time on the record as stored.
     */
    void update(String name, Instant now, Consumer<ThrottleRecord> change);

    /**
     * As {@link #update}, for an existing record only, within the caller's transaction: the change
     * commits or rolls back with the caller's work. A name with no record keeps having none.
     */
    void updateExistingWithCaller(String name, Instant now, Consumer<ThrottleRecord> change);

    /** Forgets records last changed before {@code cutoff}, then the oldest beyond {@code keep}; returns how many. */
    int forget(Instant cutoff, long keep);
}
