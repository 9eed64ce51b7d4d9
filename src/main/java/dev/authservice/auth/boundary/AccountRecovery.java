package dev.authservice.auth.boundary;

import dev.authservice.accounts.control.Accounts;
import dev.authservice.accounts.entity.User;
import dev.authservice.audit.control.SecurityEvent;
import dev.authservice.audit.entity.Client;
import dev.authservice.auth.control.PortalSignIn;
import dev.authservice.auth.control.SignIns;
import dev.authservice.email.control.EmailAddresses;
import dev.authservice.email.control.ResetAddressees;
import dev.authservice.hashing.entity.Password;
import dev.authservice.mail.control.EmailLinks;
import dev.authservice.mail.control.Outbox;
import dev.authservice.mail.entity.EmailLink;
import dev.authservice.mail.entity.EmailLink.Purpose;
import dev.authservice.passkeys.control.Passkeys;
import dev.authservice.passkeys.control.RelyingParty;
import dev.authservice.passkeys.entity.WebAuthnChallenge.Ceremony;
import dev.authservice.refusal.Refusal;
import dev.authservice.sessions.control.IssuedSession;
import dev.authservice.sessions.entity.AuthMethods;
import dev.authservice.throttling.control.ResetThrottle;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import java.util.Optional;

/**
 * A forgotten password, reset through a link sent by email: the request, which answers and costs
 * the same whether or not it names an account; the link's page, which proves the account's second
 * factor first when it has one; and the new password, which ends every session, sign-in under way
 * and refresh token, as a password change does, ends the throttle's lock, and signs the person in.
 * Also the verification of an address by its link. One transaction per use case.
 */
@Stateless
public class AccountRecovery {

    @PersistenceContext
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    ResetThrottle throttle;

    @Inject
    EmailLinks links;

    @Inject
    Accounts accounts;

    @Inject
    Passkeys passkeys;

    @Inject
    SignIns signIns;

    @Inject
    EmailAddresses addresses;

    @Inject
    Event<SecurityEvent> events;

    /** What the reset page must ask for next. */
    public record ResetStep(String username, boolean secondFactorNeeded, boolean hasCode, boolean hasPasskey) {}

    /** Whether password reset by email is available (mail is configured). */
    public boolean available() {
        return outbox.enabled();
    }

    /**
     * "Forgot your password?" for {@code typed}, a username or an address: counted by the throttle
     * and queued, the same work whatever it names. Whether a link goes out, and to whom, is decided
     * when the outbox sends it.
     */
    public void requestReset(String typed, Client client) {
        requireAvailable();
        String asked = ResetAddressees.asked(typed);
        throttle.count(asked.toLowerCase(Locale.ROOT), client.address());
        outbox.passwordReset(asked);
        events.fire(SecurityEvent.of(SecurityEvent.Kind.PASSWORD_RESET_REQUESTED, null, client));
    }

    /** Whether {@code token} is a live reset link (nothing is spent); a not-found refusal if not. */
    public void checkResetLink(String token) {
        live(token);
    }

    /** What the reset page of this link asks for. */
    public ResetStep resetStep(String token) {
        EmailLink link = live(token);
        User user = account(link);
        boolean hasPasskey = !passkeys.of(user.username()).isEmpty();
        boolean needed = (user.hasSecondFactor() || hasPasskey) && !link.isProved();
        return new ResetStep(user.username(), needed, user.hasSecondFactor(), hasPasskey);
    }

    /** The options for proving the account's passkey on the reset page; empty when it has none. */
    public Optional<JsonObject> resetPasskeyOptions(String token, RelyingParty rp) {
        EmailLink link = live(token);
        if (passkeys.of(link.username()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(passkeys.assertionOptions(Ceremony.SECOND_FACTOR, link.username(), rp));
    }

    /** The second factor proved with a TOTP or recovery code, throttled as a sign-in's. */
    public void proveCode(String token, String code, Client client) {
        EmailLink link = live(token);
        try {
            accounts.proveSecondFactor(link.username(), link.passwordStamp(), code, client);
        } catch (Refusal refused) {
            if (refused.reason() == Refusal.Reason.SIGN_IN_EXPIRED) {
                throw EmailAddresses.deadLink();
            }
            throw refused;
        }
        link.proved();
    }

    /** The second factor proved with one of the account's passkeys. */
    public void provePasskey(String token, String credential, RelyingParty rp, Client client) {
        EmailLink link = live(token);
        passkeys.verifyAssertion(credential, Ceremony.SECOND_FACTOR, link.username(), rp, client);
        link.proved();
    }

    /**
     * The new password, once the link (and the second factor, if any) is proved: every other way
     * into the account ends, the link and every other reset link die, the address is verified (the
     * link proved it), and the person is signed in with a new session.
     */
    public PortalSignIn reset(String token, Password replacement, Client client) {
        EmailLink link = live(token);
        User user = account(link);
        boolean secondFactor =
                user.hasSecondFactor() || !passkeys.of(user.username()).isEmpty();
        if (secondFactor && !link.isProved()) {
            throw Refusal.secondFactorRequired();
        }
        accounts.resetPassword(user, replacement);
        links.endAllOf(user.username(), Purpose.PASSWORD_RESET);
        signIns.endAllOf(user.username());
        addresses.markVerified(user, client);
        events.fire(SecurityEvent.of(SecurityEvent.Kind.PASSWORD_RESET, user.username(), client));
        IssuedSession session = signIns.open(
                user,
                client,
                secondFactor ? AuthMethods.PASSWORD_AND_CODE : AuthMethods.PASSWORD,
                SecurityEvent.Kind.LOGIN_SUCCEEDED);
        return PortalSignIn.signedIn(session, false, null);
    }

    /** The address a live verification link would verify (nothing is spent); a not-found refusal if none. */
    public String addressToVerify(String token) {
        return links.live(token, Purpose.ADDRESS_VERIFICATION)
                .orElseThrow(EmailAddresses::deadLink)
                .address();
    }

    /** Verifies an address by the link sent to it; returns the account's name. */
    public String verifyAddress(String token, Client client) {
        return addresses.verify(token, client);
    }

    private void requireAvailable() {
        if (!available()) {
            throw Refusal.forbidden("Password reset by email is off here: mail is not configured (auth.mail.host).");
        }
    }

    private EmailLink live(String token) {
        return links.live(token, Purpose.PASSWORD_RESET).orElseThrow(EmailAddresses::deadLink);
    }

    /** The link's account, locked, with the password the link was sent under; else the link is dead. */
    private User account(EmailLink link) {
        User user = em.find(User.class, link.username(), LockModeType.PESSIMISTIC_WRITE);
        if (user == null || user.isDisabled() || !user.passwordStamp().equals(link.passwordStamp())) {
            throw EmailAddresses.deadLink();
        }
        return user;
    }
}
