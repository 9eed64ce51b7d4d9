package dev.authservice.mail.control;

import dev.authservice.mail.entity.EmailLink;
import dev.authservice.mail.entity.EmailLink.Purpose;
import dev.authservice.sessions.entity.SessionToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The links sent by email: made when their message is sent, stored under the SHA-256 of their
 * token, live {@link #LIFETIME}, taken once. Only the message itself ever holds the token.
 */
@ApplicationScoped
public class EmailLinks {

    /** How long a link works: the issue's fifteen minutes, not configurable upward. */
    public static final Duration LIFETIME = Duration.ofMinutes(15);

    /** No account has more reset links live at once; further requests send nothing. */
    static final int MAX_LIVE_RESETS = 3;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** A new link for {@code addressee}; returns its token, which exists nowhere else. */
    public SessionToken issue(Purpose purpose, Addressees.Addressee addressee) {
        SessionToken token = SessionToken.generate();
        em.persist(new EmailLink(
                token.hash(),
                purpose,
                addressee.username(),
                addressee.address(),
                addressee.passwordStamp(),
                clock.instant().plus(LIFETIME)));
        return token;
    }

    /** Whether the account may have another reset link now. */
    public boolean mayReset(String username) {
        long live = em.createNamedQuery(EmailLink.LIVE_OF_USER, Long.class)
                .setParameter("username", username)
                .setParameter("purpose", Purpose.PASSWORD_RESET)
                .setParameter("now", clock.instant())
                .getSingleResult();
        return live < MAX_LIVE_RESETS;
    }

    /** The live link of this token and purpose, locked for the caller's transaction; empty if none. */
    public Optional<EmailLink> live(String token, Purpose purpose) {
        return SessionToken.parse(token).flatMap(parsed -> {
            EmailLink link = em.find(EmailLink.class, parsed.hash(), LockModeType.PESSIMISTIC_WRITE);
            return link != null && link.purpose() == purpose && link.isLiveAt(clock.instant())
                    ? Optional.of(link)
                    : Optional.empty();
        });
    }

    /** Ends a link: it was used. */
    public void spend(EmailLink link) {
        em.remove(link);
    }

    /** Ends every link of the account (deleted, or its password reset). */
    public void endAllOf(String username) {
        em.createNamedQuery(EmailLink.OF_USER)
                .setParameter("username", username)
                .executeUpdate();
    }

    /** Ends the account's links of one purpose (its password was reset: every other reset link dies). */
    public void endAllOf(String username, Purpose purpose) {
        em.createNamedQuery(EmailLink.OF_USER_FOR)
                .setParameter("username", username)
                .setParameter("purpose", purpose)
                .executeUpdate();
    }

    public int purgeExpired() {
        Instant now = clock.instant();
        return em.createNamedQuery(EmailLink.EXPIRED).setParameter("now", now).executeUpdate();
    }
}
