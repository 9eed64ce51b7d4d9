package dev.authservice.sessions.control;

import dev.authservice.sessions.entity.RefreshToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The writes about refresh tokens that must stand whatever happens next, each committed in a
 * transaction of its own: a token's rotation (a refresh refused later still spent it), and the end
 * of a family (the refusal that follows a reuse must not roll the ending back).
 */
@ApplicationScoped
public class RefreshTokenFamilies {

    @PersistenceContext
    EntityManager em;

    /** True for the one use that rotates the token; false for every other. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean rotate(String tokenHash) {
        return em.createNamedQuery(RefreshToken.ROTATE)
                        .setParameter("tokenHash", tokenHash)
                        .executeUpdate()
                > 0;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void end(String family) {
        em.createNamedQuery(RefreshToken.END_FAMILY)
                .setParameter("family", family)
                .executeUpdate();
    }
}
