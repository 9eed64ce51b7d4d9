package dev.authservice.oidc.control;

import dev.authservice.oidc.entity.AuthorizationCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Marks a code redeemed in a transaction of its own, committed before anything else is checked:
 * a redemption refused later (expired, another redirect URI, a wrong verifier) rolls its own work
 * back, and the code must stay spent all the same.
 */
@ApplicationScoped
public class CodeRedemptions {

    @PersistenceContext
    EntityManager em;

    /** True for the one redemption that spends the code; false for every other. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean markRedeemed(String codeHash) {
        return em.createNamedQuery(AuthorizationCode.REDEEM)
                        .setParameter("codeHash", codeHash)
                        .executeUpdate()
                > 0;
    }
}
