package dev.authservice.email.control;

import dev.authservice.accounts.entity.EmailAddress;
import dev.authservice.accounts.entity.User;
import dev.authservice.audit.control.SecurityEvent;
import dev.authservice.audit.entity.Client;
import dev.authservice.mail.control.EmailLinks;
import dev.authservice.mail.control.Outbox;
import dev.authservice.mail.entity.EmailLink;
import dev.authservice.mail.entity.EmailLink.Purpose;
import dev.authservice.notices.control.Notices;
import dev.authservice.refusal.Refusal;
import dev.authservice.sessions.control.Sessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Objects;

/**
 * Every change of an account's address, whoever makes it: unique among accounts, copied into the
 * account's sessions (so the token check and the OpenID claims see it at once), a verification
 * link sent to a new address that is not yet trusted, and a notice to the address it replaces.
 * Runs in the caller's transaction, which holds the account's row.
 */
@ApplicationScoped
public class EmailAddresses {

    private static final String TAKEN = "That email address belongs to another account.";

    @PersistenceContext
    EntityManager em;

    @Inject
    Sessions sessions;

    @Inject
    Outbox outbox;

    @Inject
    EmailLinks links;

    @Inject
    Notices notices;

    @Inject
    Event<SecurityEvent> events;

    /**
     * Gives {@code user} the address {@code address} (null: none). {@code trusted}: an
     * administrator vouches for it, so it is verified at once; otherwise its owner opens the
     * link sent to it. Returns whether anything changed.
     */
    public boolean change(User user, EmailAddress address, boolean trusted, Client client, String changedBy) {
        EmailAddress previous = user.email();
        boolean previousVerified = user.isEmailVerified();
        if (Objects.equals(previous, address) && (address == null || previousVerified)) {
            return false;
        }
        if (Objects.equals(previous, address) && !trusted) {
            // The same address again, still unconfirmed: another link, the one way to ask for it.
            outbox.addressVerification(user.username(), address.value());
            return true;
        }
        if (address != null) {
            User holder = em.createNamedQuery(User.BY_EMAIL, User.class)
                    .setParameter("email", address.value())
                    .getResultStream()
                    .findFirst()
                    .orElse(null);
            if (holder != null && !holder.username().equals(user.username())) {
                throw Refusal.conflict(TAKEN);
            }
        }
        user.changeEmail(address);
        if (address != null && trusted) {
            user.emailVerified(address);
        }
        em.flush();
        sessions.setEmailOf(user.username(), address == null ? null : address.value(), user.isEmailVerified());
        if (address != null && !user.isEmailVerified()) {
            outbox.addressVerification(user.username(), address.value());
        }
        if (!Objects.equals(previous, address)) {
            notices.addressChanged(user, previous, previousVerified, client);
        }
        events.fire(new SecurityEvent(
                SecurityEvent.Kind.EMAIL_CHANGED,
                user.username(),
                client,
                0,
                user.username().equals(changedBy) ? null : changedBy));
        return true;
    }

    /**
     * Verifies the address of a link sent to it, if that is still the account's address; returns
     * the account's name. A link that is unknown, used or expired is a not-found refusal.
     */
    public String verify(String token, Client client) {
        EmailLink link = links.live(token, Purpose.ADDRESS_VERIFICATION).orElseThrow(EmailAddresses::deadLink);
        links.spend(link);
        User user = em.find(User.class, link.username(), LockModeType.PESSIMISTIC_WRITE);
        EmailAddress address = EmailAddress.stored(link.address());
        if (user == null || !address.equals(user.email())) {
            throw deadLink();
        }
        markVerified(user, client);
        return user.username();
    }

    /** The account's address is proved (its owner opened a link sent to it). */
    public void markVerified(User user, Client client) {
        if (user.email() != null && !user.isEmailVerified()) {
            user.emailVerified(user.email());
            sessions.setEmailOf(user.username(), user.email().value(), true);
            events.fire(SecurityEvent.of(SecurityEvent.Kind.EMAIL_VERIFIED, user.username(), client));
        }
    }

    public static Refusal deadLink() {
        return Refusal.notFound("This link has expired or has already been used.");
    }
}
