package dev.authservice.mail.control;

import dev.authservice.http.control.Branding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Hands one plain-text message to the mail server through Jakarta Mail: a session of our own from
 * auth.mail.host and the rest, or the one the server defines under auth.mail.session. Every
 * network step has auth.mail.timeout, so a server that hangs holds up the outbox's sender alone.
 */
@ApplicationScoped
public class MailTransport {

    @Inject
    MailSettings settings;

    @Inject
    Branding branding;

    @Inject
    Clock clock;

    private volatile Session session;

    public void send(String recipient, String subject, String body) throws MessagingException {
        MimeMessage message = new MimeMessage(session());
        try {
            message.setFrom(new InternetAddress(settings.from(), branding.title(), StandardCharsets.UTF_8.name()));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is required of every Java platform", e);
        }
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient, true));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setText(body, StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        // RFC 3834: no vacation responder should answer it.
        message.setHeader("Auto-Submitted", "auto-generated");
        Transport.send(message);
    }

    private Session session() throws MessagingException {
        Session current = session;
        if (current == null) {
            current =
                    settings.session().isPresent() ? lookedUp(settings.session().get()) : ownSession();
            session = current;
        }
        return current;
    }

    private static Session lookedUp(String jndiName) throws MessagingException {
        try {
            return (Session) new InitialContext().lookup(jndiName);
        } catch (NamingException | ClassCastException e) {
            throw new MessagingException("No mail session under auth.mail.session=" + jndiName);
        }
    }

    private Session ownSession() {
        Properties properties = new Properties();
        String timeout = Long.toString(settings.timeout().toMillis());
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", settings.host().orElseThrow());
        properties.put("mail.smtp.port", Integer.toString(settings.port()));
        properties.put("mail.smtp.connectiontimeout", timeout);
        properties.put("mail.smtp.timeout", timeout);
        properties.put("mail.smtp.writetimeout", timeout);
        if (settings.starttls()) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        if (settings.username().isEmpty()) {
            return Session.getInstance(properties);
        }
        properties.put("mail.smtp.auth", "true");
        String user = settings.username().get();
        String password = settings.password().orElse("");
        return Session.getInstance(properties, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user, password);
            }
        });
    }
}
