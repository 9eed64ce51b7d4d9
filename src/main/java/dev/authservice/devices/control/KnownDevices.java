package dev.authservice.devices.control;

import dev.authservice.devices.entity.KnownDevice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Which browsers each account has signed in from, by the SHA-256 of their device cookie: an
 * account keeps its {@link #KEPT} newest. Recorded in a transaction of its own, so that a
 * failed record (two sign-ins from one new browser at once) never fails a sign-in.
 */
@ApplicationScoped
public class KnownDevices {

    static final int KEPT = 50;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** The outcome of a sign-in for the device record. */
    public enum Sighting {
        /** Seen before, or no device cookie. */
        KNOWN,
        /** The account's first browser since devices are recorded: nothing to tell. */
        FIRST,
        /** A browser the account has not signed in from before, while it has others. */
        NEW
    }

    /** Records that {@code username} signed in from {@code deviceHash} (null: no cookie, nothing to record). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Sighting signedInFrom(String username, String deviceHash) {
        if (deviceHash == null || em.find(KnownDevice.class, new KnownDevice.Key(username, deviceHash)) != null) {
            return Sighting.KNOWN;
        }
        List<Instant> newest = em.createNamedQuery(KnownDevice.OF_USER_NEWEST_FIRST, Instant.class)
                .setParameter("username", username)
                .setMaxResults(KEPT)
                .getResultList();
        if (newest.size() == KEPT) {
            em.createNamedQuery(KnownDevice.OF_USER_BEFORE)
                    .setParameter("username", username)
                    .setParameter("cutoff", newest.get(KEPT - 1).plusMillis(1))
                    .executeUpdate();
        }
        // Two sign-ins from one new browser at once: one insert fails, and its caller takes it as known.
        em.persist(new KnownDevice(username, deviceHash, clock.instant()));
        em.flush();
        return newest.isEmpty() ? Sighting.FIRST : Sighting.NEW;
    }

    /** Forgets the account's devices: it was deleted. */
    public void forget(String username) {
        em.createNamedQuery(KnownDevice.OF_USER)
                .setParameter("username", username)
                .executeUpdate();
    }
}
