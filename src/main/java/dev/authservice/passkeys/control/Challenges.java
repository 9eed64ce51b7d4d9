package dev.authservice.passkeys.control;

import dev.authservice.passkeys.entity.WebAuthnChallenge;
import dev.authservice.passkeys.entity.WebAuthnChallenge.Ceremony;
import dev.authservice.refusal.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/** The challenges of WebAuthn ceremonies: random, stored as hashes, used once, gone after five minutes. */
@ApplicationScoped
public class Challenges {

    /** Also the timeout the browser is given: long enough to find a security key, short enough to go stale. */
    public static final Duration LIFETIME = Duration.ofMinutes(5);

    private static final int CHALLENGE_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    PasskeySettings settings;

    /**
     * A new challenge for {@code ceremony} of {@code username} (null: whoever's passkey answers).
     * A sign-in with a passkey alone needs no proof before its challenge, so those are bounded by
     * auth.webauthn.max-open-sign-ins: past it, 503 until the purge timer clears expired ones,
     * while ceremonies under way finish as usual.
     */
    public byte[] issue(Ceremony ceremony, String username) {
        if (ceremony == Ceremony.SIGN_IN && openSignIns() >= settings.maxOpenSignIns()) {
            throw Refusal.busy(
                    "As many passkey sign-ins are under way as the service keeps; try again in a minute.",
                    Duration.ofSeconds(60));
        }
        byte[] challenge = new byte[CHALLENGE_BYTES];
        RANDOM.nextBytes(challenge);
        em.persist(new WebAuthnChallenge(
                hash(challenge), ceremony, username, clock.instant().plus(LIFETIME)));
        return challenge;
    }

    /**
     * Spends the challenge, in a transaction of its own that commits before the answer is
     * verified: a challenge serves one attempt whatever its outcome, and of two answers with one
     * challenge (a replay racing the original), only one finds it.
     */
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, dontRollbackOn = Refusal.class)
    public void take(byte[] challenge, Ceremony expected, String expectedUsername) {
        if (challenge == null) {
            throw Refusal.passkeyRefused();
        }
        String hash = hash(challenge);
        WebAuthnChallenge issued = em.find(WebAuthnChallenge.class, hash);
        if (issued == null) {
            throw Refusal.passkeyRefused();
        }
        int taken = em.createNamedQuery(WebAuthnChallenge.TAKE)
                .setParameter("hash", hash)
                .executeUpdate();
        if (taken == 0 || !issued.admits(expected, expectedUsername, clock.instant())) {
            throw Refusal.passkeyRefused();
        }
    }

    /** Ends every ceremony under way for the user's account: their challenges are spent unanswered. */
    public void endAllOf(String username) {
        em.createNamedQuery(WebAuthnChallenge.DELETE_OF_USER)
                .setParameter("username", username)
                .executeUpdate();
    }

    /** Sign-in challenges with a passkey alone in the table: live or expired and not yet purged. */
    private long openSignIns() {
        return em.createNamedQuery(WebAuthnChallenge.COUNT_OF_CEREMONY, Long.class)
                .setParameter("ceremony", Ceremony.SIGN_IN)
                .getSingleResult();
    }

    /** Deletes every challenge past its deadline; returns how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deleteExpired() {
        Instant now = clock.instant();
        return em.createNamedQuery(WebAuthnChallenge.DELETE_EXPIRED)
                .setParameter("now", now)
                .executeUpdate();
    }

    static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
