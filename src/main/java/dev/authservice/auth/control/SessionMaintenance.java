package dev.authservice.auth.control;

import java.time.Instant;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.authservice.auth.entity.Session;

/** Bulk work on the session table that no single request does: purging and counting. */
@Stateless
public class SessionMaintenance {

    @PersistenceContext
    EntityManager em;

    /** Deletes at most {@code limit} expired sessions in this transaction; returns how many. */
    public int purgeExpired(Instant now, int limit) {
        List<String> expired = em.createNamedQuery(Session.EXPIRED_TOKEN_HASHES, String.class)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
        if (expired.isEmpty()) {
            return 0;
        }
        return em.createNamedQuery(Session.DELETE_BY_TOKEN_HASHES)
                .setParameter("tokenHashes", expired)
                .executeUpdate();
    }

    public long countLive(Instant now) {
        return em.createNamedQuery(Session.COUNT_LIVE, Long.class).setParameter("now", now).getSingleResult();
    }
}
