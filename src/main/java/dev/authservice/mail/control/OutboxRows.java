package dev.authservice.mail.control;

import dev.authservice.mail.entity.EmailLink.Purpose;
import dev.authservice.mail.entity.OutgoingMail;
import dev.authservice.persistence.control.BoundedTables;
import dev.authservice.sessions.entity.SessionToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox's steps, each a short transaction of its own, so that no transaction is open while a
 * mail server is being talked to: find what is due, claim one row (of instances sending at once,
 * one wins), make a link's token, and settle the row once it was sent or failed.
 */
@ApplicationScoped
public class OutboxRows {

    /** How long a claimed row is an instance's: far beyond auth.mail.timeout's three steps. */
    static final Duration CLAIM = Duration.ofMinutes(5);

    /** The longest wait between two attempts at one message. */
    static final Duration LONGEST_WAIT = Duration.ofMinutes(10);

    @PersistenceContext
    EntityManager em;

    @Inject
    EmailLinks links;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> due(int max) {
        return em.createNamedQuery(OutgoingMail.DUE, String.class)
                .setParameter("now", clock.instant())
                .setMaxResults(max)
                .getResultList();
    }

    /** The row, now this instance's for {@link #CLAIM}; empty if another instance has it or it is gone. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<OutgoingMail> claim(String id) {
        Instant now = clock.instant();
        int claimed = em.createNamedQuery(OutgoingMail.CLAIM)
                .setParameter("id", id)
                .setParameter("now", now)
                .setParameter("until", now.plus(CLAIM))
                .executeUpdate();
        return claimed == 1 ? Optional.ofNullable(em.find(OutgoingMail.class, id)) : Optional.empty();
    }

    /** A link for the claimed row's addressee, committed before its message leaves. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<SessionToken> link(Purpose purpose, Addressees.Addressee addressee) {
        if (purpose == Purpose.PASSWORD_RESET && !links.mayReset(addressee.username())) {
            return Optional.empty();
        }
        return Optional.of(links.issue(purpose, addressee));
    }

    /** Sent, or nothing to send: the row goes. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void done(String id) {
        OutgoingMail mail = em.find(OutgoingMail.class, id);
        if (mail != null) {
            em.remove(mail);
        }
    }

    /** Not sent: tried again after a wait that doubles, up to {@link #LONGEST_WAIT}; given up after {@code retryFor}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean failed(String id, Duration retryFor) {
        OutgoingMail mail = em.find(OutgoingMail.class, id);
        if (mail == null) {
            return false;
        }
        Instant now = clock.instant();
        if (!now.isBefore(mail.queuedAt().plus(retryFor))) {
            em.remove(mail);
            return false;
        }
        long seconds = 1L << Math.min(mail.attempts(), 20);
        Duration wait =
                Duration.ofSeconds(seconds).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : Duration.ofSeconds(seconds);
        mail.failed(now.plus(wait));
        return true;
    }

    /** Keeps the outbox within auth.mail.queue-size (the oldest go first) and ends expired links; returns rows dropped. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int trim(int queueSize, Duration retryFor) {
        links.purgeExpired();
        return BoundedTables.trim(
                em,
                OutgoingMail.QUEUED_BEFORE,
                OutgoingMail.COUNT,
                OutgoingMail.QUEUED_SINCE,
                clock.instant().minus(retryFor),
                queueSize);
    }
}
