package dev.authservice.accounts.control;

import dev.authservice.accounts.entity.User;
import dev.authservice.audit.control.SecurityEvent;
import dev.authservice.audit.entity.Client;
import dev.authservice.http.control.Branding;
import dev.authservice.refusal.Refusal;
import dev.authservice.secondfactor.control.Base32;
import dev.authservice.secondfactor.control.RecoveryCodes;
import dev.authservice.secondfactor.control.SecretBox;
import dev.authservice.secondfactor.control.Totp;
import dev.authservice.secondfactor.entity.RecoveryCode;
import dev.authservice.throttling.control.LoginThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;

/**
 * An account's second factor, TOTP with its recovery codes, from enrolment to removal: every rule
 * about it lives here. The methods that take a {@link User} expect the caller to hold the
 * account's row lock (a proof of the password takes it), so that two uses of one code cannot
 * both succeed.
 */
@ApplicationScoped
public class SecondFactor {

    @Inject
    Branding branding;

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretBox box;

    @Inject
    LoginThrottle throttle;

    @Inject
    Clock clock;

    @Inject
    Event<SecurityEvent> events;

    /** What an authenticator app needs to start making codes. */
    public record Enrolment(String secret, String otpauthUri) {

        @Override
        public String toString() {
            return "Enrolment[redacted]";
        }
    }

    /** Whether the account's TOTP second factor is on. */
    public boolean isActive(String username) {
        return em.find(User.class, username).hasSecondFactor();
    }

    /** Refuses (409) when the account's second factor is already active: it must be disabled first. */
    public void requireInactive(String username) {
        if (em.find(User.class, username).hasSecondFactor()) {
            throw Refusal.conflict("Two-factor authentication is already active; disable it first to enrol again.");
        }
    }

    /** Refuses (409) when the account has no active second factor. */
    public void requireActive(String username) {
        if (!em.find(User.class, username).hasSecondFactor()) {
            throw Refusal.conflict("Two-factor authentication is not active.");
        }
    }

    /** Whether {@code otp} proves the account's second factor; a TOTP step is spent, a recovery code used up. */
    public boolean verify(User user, String otp) {
        if (otp == null || otp.isBlank()) {
            return false;
        }
        if (RecoveryCodes.looksLikeOne(otp)) {
            return em.createNamedQuery(RecoveryCode.USE)
                            .setParameter("codeHash", RecoveryCodes.hash(otp))
                            .setParameter("username", user.username())
                            .executeUpdate()
                    == 1;
        }
        byte[] secret = box.open(user.totpSecret(), user.username());
        OptionalLong step = Totp.matchingStep(secret, otp.strip(), clock.instant(), user.totpLastStep());
        step.ifPresent(user::totpUsedAt);
        return step.isPresent();
    }

    /** A new secret for a re-authenticated user, waiting for its first code; it replaces one not yet confirmed. */
    public Enrolment begin(User user) {
        byte[] secret = Totp.newSecret();
        user.beginTotpEnrolment(box.seal(secret, user.username()));
        String base32 = Base32.encode(secret);
        // The issuer is the name the app lists the key under: the company's (auth.portal.title).
        String issuer = branding.title();
        String label =
                uriComponent(issuer.replace(":", "") + ":" + user.username()).replace("%3A", ":");
        String uri = "otpauth://totp/" + label + "?secret=" + base32 + "&issuer=" + uriComponent(issuer)
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
        return new Enrolment(base32, uri);
    }

    /**
     * Activates the account's pending secret if {@code code} is one of its codes, and returns its
     * new recovery codes, shown this once. A wrong code counts for the throttle like a wrong password.
     */
    public List<String> confirm(String username, String code, Client client) {
        User user = em.find(User.class, username, LockModeType.PESSIMISTIC_WRITE);
        if (user.hasSecondFactor()) {
            throw Refusal.conflict("Two-factor authentication is already active.");
        }
        if (user.totpPending() == null) {
            throw Refusal.invalidRequest("No two-factor enrolment is waiting; start one with POST /mfa/totp.");
        }
        try {
            throttle.beginAttempt(username);
        } catch (Refusal throttled) {
            events.fire(SecurityEvent.of(SecurityEvent.Kind.LOGIN_THROTTLED, username, client));
            throw throttled;
        }
        byte[] secret = box.open(user.totpPending(), user.username());
        OptionalLong step = Totp.matchingStep(secret, code == null ? null : code.strip(), clock.instant(), 0);
        if (step.isEmpty()) {
            events.fire(SecurityEvent.of(SecurityEvent.Kind.OTP_FAILED, username, client));
            throw Refusal.invalidRequest("The code is wrong; enter the current code from the authenticator app.");
        }
        throttle.succeeded(username);
        user.confirmTotp(step.getAsLong());
        deleteRecoveryCodes(user);
        List<String> codes = RecoveryCodes.generate();
        codes.forEach(c -> em.persist(new RecoveryCode(RecoveryCodes.hash(c), user.username())));
        return codes;
    }

    /** Removes the second factor of a re-authenticated user, and its recovery codes. */
    public void disable(User user) {
        user.disableTotp();
        deleteRecoveryCodes(user);
    }

    /** Before an account is deleted or its factor replaced. */
    public void deleteRecoveryCodes(User user) {
        em.createNamedQuery(RecoveryCode.DELETE_ALL_OF_USER)
                .setParameter("username", user.username())
                .executeUpdate();
    }

    private static String uriComponent(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
