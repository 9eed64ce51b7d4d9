package dev.authservice.persistence.control;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/**
 * A table kept small by age and by count: rows older than a cut-off go, then the oldest beyond a
 * number, by the time each row names. The three named queries are the table's own: delete those
 * older than :cutoff, count all, and list the times newest first.
 */
public final class BoundedTables {

    private BoundedTables() {}

    /** Deletes rows older than {@code cutoff}, then the oldest beyond {@code keep}; returns how many. */
    public static int trim(
            EntityManager em, String olderThan, String count, String timesNewestFirst, Instant cutoff, long keep) {
        int deleted =
                em.createNamedQuery(olderThan).setParameter("cutoff", cutoff).executeUpdate();
        long left = em.createNamedQuery(count, Long.class).getSingleResult();
        if (left > keep) {
            // The time of the newest row beyond the bound: it and every older row go.
            List<Instant> newest = em.createNamedQuery(timesNewestFirst, Instant.class)
                    .setFirstResult((int) Math.min(keep, Integer.MAX_VALUE))
                    .setMaxResults(1)
                    .getResultList();
            if (!newest.isEmpty()) {
                deleted += em.createNamedQuery(olderThan)
                        .setParameter("cutoff", newest.get(0).plusMillis(1))
                        .executeUpdate();
            }
        }
        return deleted;
    }
}
