package dev.authservice.throttling.control;

import java.time.Instant;
import java.util.function.UnaryOperator;

/** Where {@link LoginThrottle} keeps each name's attempts. */
public interface AttemptStore {

    /**
     * Replaces the name's record ({@link LoginThrottle.Attempts#none} if it has none) with
     * {@code change} applied to it, atomically against every other change of that name.
     * {@code change} may run more than once; only its last result is kept.
     */
    void update(String name, Instant now, UnaryOperator<LoginThrottle.Attempts> change);

    /**
     * As {@link #update}, for an existing record only, within the caller's transaction: the change
     * commits or rolls back with the caller's work. A name with no record keeps having none.
     */
    void updateExistingWithCaller(String name, Instant now, UnaryOperator<LoginThrottle.Attempts> change);

    /** Forgets records last changed before {@code cutoff}, then the oldest beyond {@code keep}; returns how many. */
    int forget(Instant cutoff, long keep);
}
