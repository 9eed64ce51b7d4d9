package dev.authservice.mail.control;

import dev.authservice.configuration.Ranges;
import dev.authservice.configuration.Settings;
import dev.authservice.http.control.SignInSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * auth.mail.*: the SMTP server (or a mail session the server defines, by JNDI name), the sender,
 * and the outbox's bounds. With neither auth.mail.host nor auth.mail.session set, mail is off:
 * whatever needs it says so, and nothing else changes.
 */
@ApplicationScoped
public class MailSettings implements Settings {

    @Inject
    @ConfigProperty(name = "auth.mail.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "auth.mail.port")
    int port;

    @Inject
    @ConfigProperty(name = "auth.mail.from")
    Optional<String> from;

    @Inject
    @ConfigProperty(name = "auth.mail.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "auth.mail.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "auth.mail.starttls")
    boolean starttls;

    @Inject
    @ConfigProperty(name = "auth.mail.session")
    Optional<String> session;

    @Inject
    @ConfigProperty(name = "auth.mail.timeout")
    Duration timeout;

    @Inject
    @ConfigProperty(name = "auth.mail.queue-size")
    int queueSize;

    @Inject
    @ConfigProperty(name = "auth.mail.retry-for")
    Duration retryFor;

    @Inject
    SignInSettings signIn;

    @Override
    @PostConstruct
    public void check() {
        Ranges ranges = new Ranges()
                .within("auth.mail.port", port, 1, 65_535)
                .within("auth.mail.timeout", timeout, Duration.ofSeconds(1), Duration.ofMinutes(2))
                .within("auth.mail.queue-size", queueSize, 100, 1_000_000)
                .within("auth.mail.retry-for", retryFor, Duration.ofMinutes(10), Duration.ofDays(7))
                .require(
                        host.isEmpty() || session.isEmpty(),
                        "auth.mail.host and auth.mail.session are both set; set one of them")
                .require(
                        !enabled() || from.isPresent(),
                        "auth.mail.from is required when mail is on (auth.mail.host or auth.mail.session)")
                .require(
                        !enabled() || signIn.url().isPresent(),
                        "auth.portal.url is required when mail is on: links in mail name the portal's public address")
                .require(
                        password.isEmpty() || username.isPresent(),
                        "auth.mail.password is set without auth.mail.username");
        from.ifPresent(address ->
                ranges.require(isAddress(address), "auth.mail.from is not one email address like auth@example.com"));
        ranges.enforce();
    }

    private static boolean isAddress(String address) {
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            return parsed.getPersonal() == null;
        } catch (AddressException e) {
            return false;
        }
    }

    /** Whether mail is configured at all. */
    public boolean enabled() {
        return host.isPresent() || session.isPresent();
    }

    /** The portal's public base URL (auth.portal.url), which links in mail start with; mail is on. */
    public String portalUrl() {
        return signIn.url().orElseThrow();
    }

    public Optional<String> host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String from() {
        return from.orElseThrow();
    }

    public Optional<String> username() {
        return username;
    }

    public Optional<String> password() {
        return password;
    }

    public boolean starttls() {
        return starttls;
    }

    /** The JNDI name of a mail session the server defines, used instead of host and port. */
    public Optional<String> session() {
        return session;
    }

    public Duration timeout() {
        return timeout;
    }

    public int queueSize() {
        return queueSize;
    }

    /** How long a message that cannot be delivered is tried again before it is given up. */
    public Duration retryFor() {
        return retryFor;
    }
}
