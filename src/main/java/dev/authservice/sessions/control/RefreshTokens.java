package dev.authservice.sessions.control;

import dev.authservice.refusal.Refusal;
import dev.authservice.sessions.entity.RefreshToken;
import dev.authservice.sessions.entity.SessionToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Every read and write of the refresh tokens: issuing, rotating, ending. The rules they keep: a
 * token is used once (its use issues the next of its family), the reuse of a rotated token ends the
 * whole family, and every token ends with the portal session it came from (docs/oidc.md).
 */
@ApplicationScoped
public class RefreshTokens {

    @PersistenceContext
    EntityManager em;

    @Inject
    RefreshTokenFamilies families;

    @Inject
    Clock clock;

    /** A new token of {@code family}; the token itself is shown to the client once. */
    public SessionToken issue(String family, String sessionId, String username, String clientId, String scope) {
        SessionToken token = SessionToken.generate();
        em.persist(new RefreshToken(token.hash(), family, sessionId, username, clientId, scope, clock.instant()));
        return token;
    }

    /**
     * Uses this token for {@code clientId}: returns its row, now rotated, for the caller to issue
     * the next of its family. A token of another client is refused and left alone; a token used
     * already ends its family, as its reuse means it was copied.
     */
    public RefreshToken use(SessionToken token, String clientId) {
        RefreshToken stored = em.find(RefreshToken.class, token.hash());
        if (stored == null || !stored.clientId().equals(clientId)) {
            throw Refusal.tokenInvalid();
        }
        if (!families.rotate(token.hash())) {
            families.end(stored.family());
            throw Refusal.tokenInvalid();
        }
        em.createNamedQuery(RefreshToken.FORGET_ROTATED_OF_FAMILY)
                .setParameter("family", stored.family())
                .setParameter("keep", token.hash())
                .executeUpdate();
        return stored;
    }

    /** The family of this token if it is one of {@code clientId}'s, for revocation. */
    public Optional<String> familyOf(SessionToken token, String clientId) {
        RefreshToken stored = em.find(RefreshToken.class, token.hash());
        if (stored == null || !stored.clientId().equals(clientId)) {
            return Optional.empty();
        }
        return Optional.of(stored.family());
    }

    /**
     * Ends a family in a transaction of its own, so that the refusal that follows (a code redeemed
     * twice) does not roll the ending back.
     */
    public void endFamilyNow(String family) {
        families.end(family);
    }

    public int endFamily(String family) {
        return em.createNamedQuery(RefreshToken.END_FAMILY)
                .setParameter("family", family)
                .executeUpdate();
    }

    /** Whether the family still has a current token: what an access token of it is worth. */
    public boolean isLive(String family) {
        return em.createNamedQuery(RefreshToken.COUNT_OF_FAMILY, Long.class)
                        .setParameter("family", family)
                        .getSingleResult()
                > 0;
    }

    public int endOfSession(String sessionId) {
        return em.createNamedQuery(RefreshToken.END_OF_SESSION)
                .setParameter("sessionId", sessionId)
                .executeUpdate();
    }

    public int endAllOf(String username) {
        return em.createNamedQuery(RefreshToken.END_OF_USER)
                .setParameter("username", username)
                .executeUpdate();
    }

    public int endAllOfClient(String clientId) {
        return em.createNamedQuery(RefreshToken.END_OF_CLIENT)
                .setParameter("clientId", clientId)
                .executeUpdate();
    }

    /** Deletes at most {@code limit} tokens whose session has ended, in a transaction of its own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgeOrphans(int limit) {
        List<String> orphans = em.createNamedQuery(RefreshToken.ORPHANS, String.class)
                .setMaxResults(limit)
                .getResultList();
        if (orphans.isEmpty()) {
            return 0;
        }
        return em.createNamedQuery(RefreshToken.DELETE_BY_HASHES)
                .setParameter("hashes", orphans)
                .executeUpdate();
    }
}
