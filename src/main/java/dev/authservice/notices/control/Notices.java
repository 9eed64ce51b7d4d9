package dev.authservice.notices.control;

import dev.authservice.accounts.entity.EmailAddress;
import dev.authservice.accounts.entity.User;
import dev.authservice.audit.control.SecurityEvent;
import dev.authservice.audit.entity.Client;
import dev.authservice.devices.control.DeviceNames;
import dev.authservice.devices.control.KnownDevices;
import dev.authservice.devices.control.KnownDevices.Sighting;
import dev.authservice.mail.control.MailSettings;
import dev.authservice.mail.control.MailTemplates;
import dev.authservice.mail.control.MailTemplates.Template;
import dev.authservice.mail.control.Outbox;
import dev.authservice.throttling.control.AccountLocked;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Tells people by email what happened to their account, once per event: each notice is queued
 * in the transaction of what it tells of, so work that rolls back tells nothing. Notices go to a
 * verified address only, and only while their kind is on (auth.mail.notice.*).
 */
@ApplicationScoped
public class Notices {

    private static final Logger LOG = Logger.getLogger(Notices.class.getName());

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @PersistenceContext
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    MailSettings mail;

    @Inject
    NoticeSettings settings;

    @Inject
    MailTemplates templates;

    @Inject
    KnownDevices devices;

    @Inject
    DeviceNames deviceNames;

    @Inject
    Clock clock;

    /** A sign-in of {@code user}: a notice when it came from a browser the account has not used before. */
    public void signedIn(User user, Client client) {
        if (client.device() == null) {
            return;
        }
        Sighting sighting;
        try {
            sighting = devices.signedInFrom(user.username(), client.device());
        } catch (RuntimeException sameDeviceAtOnce) {
            sighting = Sighting.KNOWN;
        }
        if (sighting == Sighting.NEW) {
            tell(user, Notice.NEW_DEVICE, client);
        }
    }

    /** The account's address changed from {@code previous}: told to the previous address, if it was verified. */
    public void addressChanged(User user, EmailAddress previous, boolean previousVerified, Client client) {
        if (previous != null && previousVerified && isOn(Notice.ADDRESS_CHANGED)) {
            queue(user.username(), previous.value(), Notice.ADDRESS_CHANGED, client);
        }
    }

    /** The changes the security log records that an owner should hear of. */
    void onSecurityEvent(@Observes SecurityEvent event) {
        switch (event.kind()) {
            case PASSWORD_CHANGED, PASSWORD_RESET -> tell(event.username(), Notice.PASSWORD_CHANGED, event.client());
            case ADMIN_PASSWORD_SET -> tell(event.target(), Notice.PASSWORD_CHANGED, event.client());
            case MFA_DISABLED -> tell(event.username(), Notice.SECOND_FACTOR_OFF, event.client());
            case ADMIN_SECOND_FACTOR_RESET -> tell(event.target(), Notice.SECOND_FACTOR_OFF, event.client());
            case PASSKEY_REGISTERED -> tell(event.username(), Notice.PASSKEY_ADDED, event.client());
            default -> {}
        }
    }

    /**
     * The throttle locked an account name at its first refused attempt. That attempt's own
     * transaction rolls back (it was refused), so the notice is queued in one of its own.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void onLocked(@Observes AccountLocked locked) {
        try {
            tell(locked.name(), Notice.LOCKED, locked.client());
        } catch (RuntimeException e) {
            LOG.warning(() -> "A lock notice could not be queued: " + e);
        }
    }

    private void tell(String username, Notice notice, Client client) {
        if (username == null || !isOn(notice)) {
            return;
        }
        User user = em.find(User.class, username);
        if (user != null) {
            tell(user, notice, client);
        }
    }

    private void tell(User user, Notice notice, Client client) {
        if (isOn(notice) && user.isEmailVerified()) {
            queue(user.username(), user.email().value(), notice, client);
        }
    }

    private boolean isOn(Notice notice) {
        return outbox.enabled() && settings.isOn(notice);
    }

    private void queue(String username, String recipient, Notice notice, Client client) {
        Client from = client == null ? Client.NONE : client;
        MailTemplates.Message message = templates.compose(
                Template.NOTICE,
                Map.of(
                        "subject",
                        notice.subject(),
                        "what",
                        notice.what(),
                        "username",
                        username,
                        "time",
                        TIME.format(clock.instant().truncatedTo(ChronoUnit.MINUTES)),
                        "device",
                        from.userAgent() == null ? DeviceNames.UNKNOWN : deviceNames.of(from.userAgent()),
                        "address",
                        from.address() == null ? "unknown" : from.address(),
                        "accountPage",
                        mail.portalUrl() + "/portal/account"));
        outbox.notice(username, recipient, message.subject(), message.body());
    }
}
