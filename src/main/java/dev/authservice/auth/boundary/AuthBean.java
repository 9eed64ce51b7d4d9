package dev.authservice.auth.boundary;

import dev.authservice.accounts.control.Accounts;
import dev.authservice.accounts.control.Credentials;
import dev.authservice.accounts.control.RegistrationSettings;
import dev.authservice.accounts.entity.EmailAddress;
import dev.authservice.accounts.entity.User;
import dev.authservice.accounts.entity.Username;
import dev.authservice.audit.control.SecurityEvent;
import dev.authservice.audit.entity.Client;
import dev.authservice.auth.control.PendingSignIns;
import dev.authservice.auth.control.PortalSignIn;
import dev.authservice.auth.control.SignIns;
import dev.authservice.auth.entity.PendingSignIn;
import dev.authservice.email.control.EmailAddresses;
import dev.authservice.hashing.entity.Password;
import dev.authservice.passkeys.control.PasskeySettings;
import dev.authservice.passkeys.control.Passkeys;
import dev.authservice.passkeys.control.RelyingParty;
import dev.authservice.passkeys.entity.Passkey;
import dev.authservice.passkeys.entity.WebAuthnChallenge.Ceremony;
import dev.authservice.refusal.Refusal;
import dev.authservice.sessions.control.IssuedSession;
import dev.authservice.sessions.control.SessionView;
import dev.authservice.sessions.control.Sessions;
import dev.authservice.sessions.entity.AuthMethods;
import dev.authservice.sessions.entity.SessionToken;
import dev.authservice.throttling.control.SignUpThrottle;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * The use cases of the service, one container-managed transaction each (the token check excepted,
 * which writes in its own when it writes at all): a method that returns has
 * committed, so whatever the resource then acknowledges is already durable. Each method reads as
 * its use case; the rules live in {@link Accounts}, {@link Sessions} and the entities.
 */
@Stateless
public class AuthBean {

    @Inject
    Accounts accounts;

    @Inject
    Sessions sessions;

    @Inject
    PendingSignIns pendingSignIns;

    @Inject
    SignIns signIns;

    @Inject
    RegistrationSettings registration;

    @Inject
    SignUpThrottle signUps;

    @Inject
    Passkeys passkeys;

    @Inject
    PasskeySettings passkeySettings;

    @Inject
    EmailAddresses addresses;

    @Inject
    Event<SecurityEvent> events;

    /** Creates an account; returns its canonical username. */
    public String register(String typedUsername, Password password, Client client) {
        return register(typedUsername, password, null, client);
    }

    /** Creates an account with an email address (null: none), to which its verification link goes; returns its canonical username. */
    public String register(String typedUsername, Password password, String typedEmail, Client client) {
        requireRegistrationOpen();
        return newAccount(typedUsername, password, typedEmail, client).username();
    }

    /**
     * A person's sign-up in the portal: the registration of {@link #register}, counted against
     * the sign-ups of their address first, and a session opened at once, as a sign-in with the
     * password just set would open it.
     */
    public PortalSignIn signUp(
            String typedUsername,
            Password password,
            String typedEmail,
            boolean keepSignedIn,
            String redirect,
            Client client) {
        requireRegistrationOpen();
        signUps.count(client.address());
        IssuedSession session =
                opened(newAccount(typedUsername, password, typedEmail, client), client, AuthMethods.PASSWORD);
        return PortalSignIn.signedIn(session, keepSignedIn, redirect);
    }

    /** The account signed in: its last sign-in noted, a new session, and the event that says so. */
    private IssuedSession opened(User user, Client client, AuthMethods methods) {
        return signIns.open(user, client, methods, SecurityEvent.Kind.LOGIN_SUCCEEDED);
    }

    private User newAccount(String typedUsername, Password password, String typedEmail, Client client) {
        // The address is checked first, so that a bad one costs no hashing.
        EmailAddress email = typedEmail == null || typedEmail.isBlank() ? null : EmailAddress.of(typedEmail);
        User user = accounts.register(Username.canonical(typedUsername), password);
        events.fire(SecurityEvent.of(SecurityEvent.Kind.REGISTERED, user.username(), client));
        if (email != null) {
            addresses.change(user, email, false, client, user.username());
        }
        return user;
    }

    /** A forbidden refusal when auth.registration.enabled=false: then only administrators create accounts. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void requireRegistrationOpen() {
        if (!registration.registrationEnabled()) {
            throw Refusal.forbidden("Registration is closed (auth.registration.enabled=false): an administrator"
                    + " creates accounts.");
        }
    }

    /** Proves the credentials and opens a new session. */
    public IssuedSession login(Credentials credentials, Client client) {
        User user = accounts.authenticate(credentials, client);
        // An account with a second factor logs in only with its code: the session proved both.
        return opened(user, client, user.hasSecondFactor() ? AuthMethods.PASSWORD_AND_CODE : AuthMethods.PASSWORD);
    }

    /**
     * A browser's sign-in, first step: the password, proved as {@link #login} proves it. An account
     * without a second factor is signed in at once; one with a second factor gets a pending
     * sign-in, which {@link #finishSignIn} completes with the code.
     */
    public PortalSignIn signIn(Credentials credentials, boolean keepSignedIn, String redirect, Client client) {
        User user = accounts.authenticatePassword(credentials, client);
        if (user.hasSecondFactor()) {
            return PortalSignIn.awaitingSecondFactor(
                    pendingSignIns.begin(user, redirect, keepSignedIn), keepSignedIn, redirect);
        }
        IssuedSession session = opened(user, client, AuthMethods.PASSWORD);
        // A password that must be changed first: the portal's default page, not an application that would refuse.
        return PortalSignIn.signedIn(session, keepSignedIn, user.isPasswordChangeDue() ? null : redirect);
    }

    /**
     * A browser's sign-in, second step: the TOTP or recovery code for the pending sign-in of this
     * token. Success opens the session and ends the pending sign-in; a wrong code leaves it to be
     * tried again until it expires, each try throttled like a login.
     */
    public PortalSignIn finishSignIn(SessionToken pending, String code, Client client) {
        PendingSignIn signIn = pendingSignIns.take(pending);
        User user = accounts.proveSecondFactor(signIn.username(), signIn.passwordStamp(), code, client);
        IssuedSession session = opened(user, client, AuthMethods.PASSWORD_AND_CODE);
        return PortalSignIn.signedIn(session, signIn.keepSignedIn(), signIn.redirect());
    }

    /** Whose sign-in waits for its second factor under this token; a sign-in-expired refusal if none. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String pendingSignIn(SessionToken pending) {
        return pendingSignIns.live(pending).username();
    }

    /**
     * Records that a signed-in user was refused by a location's group requirement, so that the
     * security log answers "why can't bob get in?".
     */
    public void refuseAccess(String username, List<String> requiredGroups, Client client) {
        events.fire(SecurityEvent.accessForbidden(username, requiredGroups, client));
    }

    /**
     * Records a redirect target the portal refused. In a transaction of its own like every use case:
     * the security log records events once their transaction has ended.
     */
    public void refuseRedirect(String rd, Client client) {
        events.fire(SecurityEvent.redirectRefused(rd, client));
    }

    /** Ends the token's session. */
    public void logout(SessionToken token, Client client) {
        String username = sessions.revoke(token);
        events.fire(SecurityEvent.loggedOut(username, client, 1));
    }

    /** Ends every session of the token's user, the presented one included; returns how many. */
    public int logoutAll(SessionToken token, Client client) {
        String username = sessions.liveBeforePasswordChange(token).username();
        int revoked = signIns.endAllOf(username);
        events.fire(SecurityEvent.loggedOut(username, client, revoked));
        return revoked;
    }

    /**
     * The token check front ends make on every request; slides the idle deadline. Most checks only
     * read, so there is no transaction around them; {@link Sessions#check} writes in one of its own.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SessionView check(SessionToken token) {
        return sessions.check(token);
    }

    /** The options for signing in with a passkey alone; forbidden when auth.webauthn.passwordless=false. */
    public JsonObject passkeySignInOptions(RelyingParty rp) {
        requirePasswordless();
        return passkeys.assertionOptions(Ceremony.SIGN_IN, null, rp);
    }

    /**
     * The options for a passkey as the second factor of a JSON login: the password is proved here,
     * as {@link #signIn} proves it, and the challenge is the account's alone.
     */
    public JsonObject passkeySecondFactorOptions(Credentials credentials, RelyingParty rp, Client client) {
        User user = accounts.authenticatePassword(credentials, client);
        return passkeys.assertionOptions(Ceremony.SECOND_FACTOR, user.username(), rp);
    }

    /**
     * The options for a passkey at the second-factor step of the browser's sign-in of this pending
     * token; empty when the account has no passkey.
     */
    public Optional<JsonObject> pendingSignInPasskeyOptions(SessionToken pending, RelyingParty rp) {
        String username = pendingSignIns.live(pending).username();
        if (passkeys.of(username).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(passkeys.assertionOptions(Ceremony.SECOND_FACTOR, username, rp));
    }

    /**
     * Opens a session for a verified passkey: for {@code username}'s second factor (after
     * {@link #passkeySecondFactorOptions}), or alone when {@code username} is null.
     */
    public IssuedSession signInWithPasskey(String username, String credential, RelyingParty rp, Client client) {
        Ceremony ceremony = username == null ? Ceremony.SIGN_IN : Ceremony.SECOND_FACTOR;
        if (ceremony == Ceremony.SIGN_IN) {
            requirePasswordless();
        }
        Passkey passkey = passkeys.verifyAssertion(credential, ceremony, username, rp, client);
        return openWithPasskey(passkey.username(), null, client);
    }

    /** The browser's second-factor step finished with a passkey instead of a code. */
    public PortalSignIn finishSignInWithPasskey(
            SessionToken pending, String credential, RelyingParty rp, Client client) {
        PendingSignIn signIn = pendingSignIns.take(pending);
        Passkey passkey = passkeys.verifyAssertion(credential, Ceremony.SECOND_FACTOR, signIn.username(), rp, client);
        IssuedSession session = openWithPasskey(passkey.username(), signIn.passwordStamp(), client);
        return PortalSignIn.signedIn(session, signIn.keepSignedIn(), signIn.redirect());
    }

    /** A passkey proves possession and (verified or not) stands for the second factor. */
    private IssuedSession openWithPasskey(String username, String passwordStamp, Client client) {
        User user = accounts.provedByPasskey(username, passwordStamp);
        return signIns.open(
                user,
                client,
                passwordStamp == null ? AuthMethods.PASSKEY : AuthMethods.PASSWORD_AND_PASSKEY,
                SecurityEvent.Kind.PASSKEY_SIGN_IN);
    }

    private void requirePasswordless() {
        if (!passkeySettings.passwordless()) {
            throw Refusal.forbidden("Sign-in with a passkey alone is turned off (auth.webauthn.passwordless=false).");
        }
    }
}
