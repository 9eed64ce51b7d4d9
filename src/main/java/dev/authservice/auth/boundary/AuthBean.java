package dev.authservice.auth.boundary;

import dev.authservice.accounts.control.Accounts;
import dev.authservice.accounts.control.Credentials;
import dev.authservice.accounts.control.SecondFactor;
import dev.authservice.accounts.entity.User;
import dev.authservice.accounts.entity.Username;
import dev.authservice.audit.control.SecurityEvent;
import dev.authservice.audit.entity.Client;
import dev.authservice.hashing.entity.Password;
import dev.authservice.portal.control.PendingSignIns;
import dev.authservice.portal.control.PortalSignIn;
import dev.authservice.portal.entity.PendingSignIn;
import dev.authservice.sessions.control.IssuedSession;
import dev.authservice.sessions.control.SessionSummary;
import dev.authservice.sessions.control.SessionView;
import dev.authservice.sessions.control.Sessions;
import dev.authservice.sessions.entity.Session;
import dev.authservice.sessions.entity.SessionToken;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;

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
    SecondFactor secondFactor;

    @Inject
    PendingSignIns pendingSignIns;

    @Inject
    Event<SecurityEvent> events;

    /** Creates an account; returns its canonical username. */
    public String register(String typedUsername, Password password, Client client) {
        User user = accounts.register(Username.canonical(typedUsername), password);
        events.fire(SecurityEvent.of(SecurityEvent.Kind.REGISTERED, user.username(), client));
        return user.username();
    }

    /** Proves the credentials and opens a new session. */
    public IssuedSession login(Credentials credentials, Client client) {
        User user = accounts.authenticate(credentials, client);
        IssuedSession session = sessions.open(user, client);
        events.fire(SecurityEvent.of(SecurityEvent.Kind.LOGIN_SUCCEEDED, user.username(), client));
        return session;
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
                    pendingSignIns.begin(user.username(), redirect, keepSignedIn), keepSignedIn, redirect);
        }
        IssuedSession session = sessions.open(user, client);
        events.fire(SecurityEvent.of(SecurityEvent.Kind.LOGIN_SUCCEEDED, user.username(), client));
        return PortalSignIn.signedIn(session, keepSignedIn, redirect);
    }

    /**
     * A browser's sign-in, second step: the TOTP or recovery code for the pending sign-in of this
     * token. Success opens the session and ends the pending sign-in; a wrong code leaves it to be
     * tried again until it expires, each try throttled like a login.
     */
    public PortalSignIn finishSignIn(SessionToken pending, String code, Client client) {
        PendingSignIn signIn = pendingSignIns.take(pending);
        User user = accounts.proveSecondFactor(signIn.username(), code, client);
        IssuedSession session = sessions.open(user, client);
        events.fire(SecurityEvent.of(SecurityEvent.Kind.LOGIN_SUCCEEDED, user.username(), client));
        return PortalSignIn.signedIn(session, signIn.keepSignedIn(), signIn.redirect());
    }

    /** Whose sign-in waits for its second factor under this token; a sign-in-expired refusal if none. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String pendingSignIn(SessionToken pending) {
        return pendingSignIns.live(pending).username();
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
        String username = sessions.live(token).username();
        int revoked = sessions.revokeAllOf(username);
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

    /** Replaces the password of the token's user and ends the user's other sessions; returns the user. */
    public String changePassword(
            SessionToken token, Password current, String otp, Password replacement, Client client) {
        Session session = sessions.live(token);
        accounts.changePassword(session.username(), current, otp, replacement, client);
        sessions.revokeOthersOf(session.username(), session);
        events.fire(SecurityEvent.of(SecurityEvent.Kind.PASSWORD_CHANGED, session.username(), client));
        return session.username();
    }

    /**
     * Starts (or restarts) TOTP enrolment after re-authentication, and ends the user's other
     * sessions; login is unchanged until it is confirmed.
     */
    public SecondFactor.Enrolment enrolTotp(SessionToken token, Password password, Client client) {
        Session current = sessions.live(token);
        String username = current.username();
        secondFactor.requireInactive(username);
        SecondFactor.Enrolment enrolment =
                secondFactor.begin(accounts.reauthenticate(username, password, null, client));
        // A session from before the change in how the user signs in ends with it (ASVS 7.5.3),
        // as it does on a password change.
        sessions.revokeOthersOf(username, current);
        events.fire(SecurityEvent.of(SecurityEvent.Kind.MFA_ENROLLED, username, client));
        return enrolment;
    }

    /** Activates TOTP with its first code and ends the user's other sessions; returns the recovery codes, shown this once. */
    public List<String> confirmTotp(SessionToken token, String code, Client client) {
        Session current = sessions.live(token);
        String username = current.username();
        List<String> recoveryCodes = secondFactor.confirm(username, code, client);
        sessions.revokeOthersOf(username, current);
        events.fire(SecurityEvent.of(SecurityEvent.Kind.MFA_CONFIRMED, username, client));
        return recoveryCodes;
    }

    /** Removes the second factor and its recovery codes after full re-authentication. */
    public void disableTotp(SessionToken token, Password password, String otp, Client client) {
        String username = sessions.live(token).username();
        secondFactor.requireActive(username);
        secondFactor.disable(accounts.reauthenticate(username, password, otp, client));
        events.fire(SecurityEvent.of(SecurityEvent.Kind.MFA_DISABLED, username, client));
    }

    /** Every live session of the token's user. */
    public List<SessionSummary> sessionsOf(SessionToken token) {
        Session current = sessions.live(token);
        return sessions.liveOf(current.username(), current);
    }

    /** Ends one session of the token's user, named by its id, after full re-authentication. */
    public void revokeSession(SessionToken token, String sessionId, Password password, String otp, Client client) {
        String username = sessions.live(token).username();
        // An unknown id is no failed proof of the password: refused before it is checked.
        sessions.requireLiveOf(username, sessionId);
        accounts.reauthenticate(username, password, otp, client);
        sessions.revokeById(username, sessionId);
        events.fire(SecurityEvent.of(SecurityEvent.Kind.SESSION_REVOKED, username, client));
    }

    /** Deletes the token's user, their second factor and every session, in this one transaction. */
    public void deleteAccount(SessionToken token, Password password, String otp, Client client) {
        String username = sessions.live(token).username();
        User user = accounts.reauthenticate(username, password, otp, client);
        int ended = sessions.revokeAllOf(username);
        accounts.delete(user);
        events.fire(new SecurityEvent(SecurityEvent.Kind.ACCOUNT_DELETED, username, client, ended));
    }
}
