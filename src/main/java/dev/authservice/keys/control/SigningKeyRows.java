package dev.authservice.keys.control;

import dev.authservice.keys.entity.SigningKey;
import dev.authservice.persistence.control.ConstraintViolations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.List;

/** The signing keys' rows: read them, or add a generation in a transaction of its own. */
@ApplicationScoped
public class SigningKeyRows {

    @PersistenceContext
    EntityManager em;

    /** Newest first. */
    public List<SigningKey> all() {
        return em.createNamedQuery(SigningKey.ALL, SigningKey.class).getResultList();
    }

    /**
     * Stores a new generation; false when another instance stored that generation first. Its own
     * transaction, so that a lost race rolls back this insert alone, never the caller's work.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean add(SigningKey key) {
        try {
            em.persist(key);
            em.flush();
            return true;
        } catch (PersistenceException e) {
            if (ConstraintViolations.causedBy(e)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Gives a generation stored before ES256 was offered its EC key; false when another instance
     * gave it one first (the update finds EC_KID set), whose key then stands.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean addEcKey(int generation, String kid, String publicJwk, String sealedJwk) {
        return em.createQuery("UPDATE SigningKey k SET k.ecKid = :kid, k.ecPublicJwk = :publicJwk,"
                                + " k.ecSealedJwk = :sealedJwk WHERE k.generation = :generation AND k.ecKid IS NULL")
                        .setParameter("kid", kid)
                        .setParameter("publicJwk", publicJwk)
                        .setParameter("sealedJwk", sealedJwk)
                        .setParameter("generation", generation)
                        .executeUpdate()
                == 1;
    }
}
