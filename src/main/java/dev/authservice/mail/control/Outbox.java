package dev.authservice.mail.control;

import dev.authservice.mail.entity.OutgoingMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/**
 * Queues mail in the caller's transaction: a message exists exactly when the work it tells of
 * committed, and {@link OutboxSender} sends it afterwards, on a thread of its own. Nothing here
 * waits for a mail server.
 */
@ApplicationScoped
public class Outbox {

    @PersistenceContext
    EntityManager em;

    @Inject
    MailSettings settings;

    @Inject
    Clock clock;

    /** Whether mail is on (auth.mail.host or auth.mail.session set). */
    public boolean enabled() {
        return settings.enabled();
    }

    public void notice(String username, String recipient, String subject, String body) {
        queue(OutgoingMail.notice(username, recipient, subject, body, clock.instant()));
    }

    /** A reset link for the account {@code typed} names, if there is one with an address, decided when it is sent. */
    public void passwordReset(String typed) {
        queue(OutgoingMail.passwordReset(typed, clock.instant()));
    }

    /** The link that verifies {@code address} as the address of {@code username}. */
    public void addressVerification(String username, String address) {
        queue(OutgoingMail.addressVerification(username, address, clock.instant()));
    }

    private void queue(OutgoingMail mail) {
        if (settings.enabled()) {
            em.persist(mail);
        }
    }
}
