package dev.authservice.auth.control;

import dev.authservice.accounts.entity.User;
import dev.authservice.auth.entity.PendingSignIn;
import dev.authservice.refusal.Refusal;
import dev.authservice.sessions.entity.SessionToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Sign-ins between their password and their second factor. Short-lived, single use, and bound to
 * the browser by a random token only the browser holds; any instance on the database can finish
 * one that another began.
 */
@ApplicationScoped
public class PendingSignIns {

    /** Long enough to open an authenticator app and type a code; short enough to be no session. */
    public static final Duration LIFETIME = Duration.ofMinutes(5);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Records a proved password for {@code user}; returns the token for the browser's cookie. */
    public SessionToken begin(User user, String redirect, boolean keepSignedIn) {
        SessionToken token = SessionToken.generate();
        em.persist(new PendingSignIn(
                token.hash(),
                user.username(),
                user.passwordStamp(),
                redirect,
                keepSignedIn,
                clock.instant(),
                LIFETIME));
        return token;
    }

    /**
     * Ends every sign-in of the user still waiting for its second factor: whatever ends their
     * sessions or changes how they sign in ends these too, lest one finish into a new session.
     */
    public void endAllOf(String username) {
        em.createNamedQuery(PendingSignIn.DELETE_OF_USER)
                .setParameter("username", username)
                .executeUpdate();
    }

    /** The live sign-in of this token, or a sign-in-expired refusal; it stays where it is. */
    public PendingSignIn live(SessionToken token) {
        PendingSignIn pending = em.find(PendingSignIn.class, token.hash());
        if (pending == null || !pending.isLiveAt(clock.instant())) {
            throw Refusal.signInExpired();
        }
        return pending;
    }

    /**
     * Takes the live sign-in of this token in the caller's transaction: the step that finishes it
     * commits its removal, a step that fails rolls it back, so the code can be typed again until
     * the deadline. Of two simultaneous finishes, one removes the row and the other is refused.
     */
    public PendingSignIn take(SessionToken token) {
        PendingSignIn pending = live(token);
        int taken = em.createNamedQuery(PendingSignIn.TAKE_LIVE)
                .setParameter("tokenHash", token.hash())
                .setParameter("now", clock.instant())
                .executeUpdate();
        if (taken == 0) {
            throw Refusal.signInExpired();
        }
        return pending;
    }

    /** Deletes every sign-in past its deadline; returns how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deleteExpired() {
        Instant now = clock.instant();
        return em.createNamedQuery(PendingSignIn.DELETE_EXPIRED)
                .setParameter("now", now)
                .executeUpdate();
    }
}
