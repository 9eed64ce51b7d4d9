package dev.authservice.accounts.control;

import dev.authservice.secondfactor.control.Base32;
import dev.authservice.secondfactor.control.RecoveryCodes;
import dev.authservice.secondfactor.control.SecretBox;
import dev.authservice.secondfactor.control.Totp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.authservice.secondfactor.entity.RecoveryCode;
import dev.authservice.accounts.entity.User;

/**
 * The TOTP second factor of an account and its recovery codes. Every method expects the caller to
 * hold the account's row lock, so that two uses of one code cannot both succeed.
 */
@ApplicationScoped
public class SecondFactor {

    static final String ISSUER = "auth-service";

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretBox box;

    @Inject
    Clock clock;

    /** What an authenticator app needs to start making codes. */
    public record Enrolment(String secret, String otpauthUri) {

        @Override
        public String toString() {
            return "Enrolment[redacted]";
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
                    .executeUpdate() == 1;
        }
        byte[] secret = box.open(user.totpSecret(), user.username());
        OptionalLong step = Totp.matchingStep(secret, otp.strip(), clock.instant(), user.totpLastStep());
        step.ifPresent(user::totpUsedAt);
        return step.isPresent();
    }

    /** A new secret, waiting for its first code; it replaces one not yet confirmed. */
    public Enrolment begin(User user) {
        byte[] secret = Totp.newSecret();
        user.beginTotpEnrolment(box.seal(secret, user.username()));
        String base32 = Base32.encode(secret);
        String label = URLEncoder.encode(ISSUER + ":" + user.username(), StandardCharsets.UTF_8).replace("+", "%20")
                .replace("%3A", ":");
        String uri = "otpauth://totp/" + label + "?secret=" + base32 + "&issuer=" + ISSUER
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
        return new Enrolment(base32, uri);
    }

    /**
     * Activates the pending secret if {@code code} is one of its codes; returns the new recovery
     * codes (shown this once), or null if the code is wrong.
     */
    public List<String> confirm(User user, String code) {
        byte[] secret = box.open(user.totpPending(), user.username());
        OptionalLong step = Totp.matchingStep(secret, code == null ? null : code.strip(), clock.instant(), 0);
        if (step.isEmpty()) {
            return null;
        }
        user.confirmTotp(step.getAsLong());
        deleteRecoveryCodes(user);
        List<String> codes = RecoveryCodes.generate();
        codes.forEach(c -> em.persist(new RecoveryCode(RecoveryCodes.hash(c), user.username())));
        return codes;
    }

    public void disable(User user) {
        user.disableTotp();
        deleteRecoveryCodes(user);
    }

    /** Before an account is deleted or its factor replaced. */
    public void deleteRecoveryCodes(User user) {
        em.createNamedQuery(RecoveryCode.DELETE_ALL_OF_USER).setParameter("username", user.username()).executeUpdate();
    }
}
