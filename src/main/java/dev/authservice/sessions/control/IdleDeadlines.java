package dev.authservice.sessions.control;

import dev.authservice.sessions.entity.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Writes a session's slid idle deadline in a short transaction of its own, so that the token check
 * itself, a read in nearly every case, needs no transaction. The rule for when it slides is
 * {@link Session#usedAt}'s.
 */
@ApplicationScoped
public class IdleDeadlines {

    @PersistenceContext
    EntityManager em;

    /** Commits the session's new idle deadline and last use, unless a later check already wrote a later one. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void write(Session session) {
        em.createNamedQuery(Session.SLIDE_IDLE_DEADLINE)
                .setParameter("idleExpiresAt", session.idleExpiresAt())
                .setParameter("usedAt", session.lastUsedAt())
                .setParameter("tokenHash", session.tokenHash())
                .executeUpdate();
    }
}
