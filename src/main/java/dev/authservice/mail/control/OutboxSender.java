package dev.authservice.mail.control;

import dev.authservice.mail.control.MailTemplates.Message;
import dev.authservice.mail.control.MailTemplates.Template;
import dev.authservice.mail.entity.EmailLink.Purpose;
import dev.authservice.mail.entity.OutgoingMail;
import dev.authservice.sessions.entity.SessionToken;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Sends what the outbox holds, every second, on the timer's thread: never on a request's. Each
 * message is claimed first, so that of several instances on one database exactly one sends it;
 * one that fails is tried again later (auth.mail.retry-for). A run that finds the mail server
 * away stops there, and a run still under way when the next is due lets it pass, so a server that
 * hangs holds up this thread alone.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());

    /** Rows read per query; a run goes on while there are more. */
    private static final int BATCH = 50;

    @Inject
    MailSettings settings;

    @Inject
    OutboxRows rows;

    @Inject
    MailTransport transport;

    @Inject
    MailTemplates templates;

    @Inject
    Instance<Addressees> addressees;

    private final AtomicBoolean running = new AtomicBoolean();

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false, info = "send queued mail")
    void onTimer() {
        if (!settings.enabled() || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            sendDue();
        } catch (RuntimeException e) {
            LOG.warning(() -> "Sending queued mail failed; the next run will retry: " + e);
        } finally {
            running.set(false);
        }
    }

    @Schedule(hour = "*", minute = "*", persistent = false, info = "trim the outbox and end expired links")
    void trim() {
        if (!settings.enabled()) {
            return;
        }
        try {
            int dropped = rows.trim(settings.queueSize(), settings.retryFor());
            if (dropped > 0) {
                LOG.warning(() -> dropped + " queued messages were given up (older than auth.mail.retry-for,"
                        + " or beyond auth.mail.queue-size)");
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "Trimming the outbox failed; the next run will retry: " + e);
        }
    }

    private void sendDue() {
        List<String> due;
        do {
            due = rows.due(BATCH);
            for (String id : due) {
                Optional<OutgoingMail> claimed = rows.claim(id);
                if (claimed.isPresent() && !sent(claimed.get())) {
                    return;
                }
            }
        } while (due.size() == BATCH);
    }

    /** Sends one claimed message; false when the mail server failed, and the run should stop. */
    private boolean sent(OutgoingMail mail) {
        Optional<Letter> letter = letterOf(mail);
        if (letter.isEmpty()) {
            rows.done(mail.id());
            return true;
        }
        try {
            transport.send(
                    letter.get().recipient(),
                    letter.get().message().subject(),
                    letter.get().message().body());
            rows.done(mail.id());
            return true;
        } catch (MessagingException e) {
            boolean again = rows.failed(mail.id(), settings.retryFor());
            // The exception's text names the server and what it said, never the message.
            LOG.warning(() -> "A " + mail.kind() + " message was not sent ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); "
                    + (again ? "it will be tried again" : "it is given up"));
            return false;
        }
    }

    private record Letter(String recipient, Message message) {}

    private Optional<Letter> letterOf(OutgoingMail mail) {
        return switch (mail.kind()) {
            case NOTICE -> Optional.of(new Letter(mail.recipient(), new Message(mail.subject(), mail.body())));
            case PASSWORD_RESET ->
                addressees
                        .get()
                        .forPasswordReset(mail.username())
                        .flatMap(to -> linked(Purpose.PASSWORD_RESET, to, Template.PASSWORD_RESET, "/portal/reset"));
            case ADDRESS_VERIFICATION ->
                addressees
                        .get()
                        .forVerification(mail.username(), mail.recipient())
                        .flatMap(to -> linked(
                                Purpose.ADDRESS_VERIFICATION,
                                to,
                                Template.ADDRESS_VERIFICATION,
                                "/portal/verify-email"));
        };
    }

    private Optional<Letter> linked(Purpose purpose, Addressees.Addressee to, Template template, String page) {
        Optional<SessionToken> token = rows.link(purpose, to);
        return token.map(t -> new Letter(
                to.address(),
                templates.compose(
                        template,
                        Map.of(
                                "username",
                                to.username(),
                                "link",
                                settings.portalUrl() + page + "?token=" + t.value()))));
    }
}
