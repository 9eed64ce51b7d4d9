package dev.authservice.selfservice.boundary;

import dev.authservice.accounts.control.Accounts;
import dev.authservice.accounts.control.FirstSecondFactor;
import dev.authservice.accounts.control.SecondFactor;
import dev.authservice.accounts.entity.EmailAddress;
import dev.authservice.accounts.entity.User;
import dev.authservice.audit.control.SecurityEvent;
import dev.authservice.audit.entity.Client;
import dev.authservice.auth.control.SignIns;
import dev.authservice.email.control.EmailAddresses;
import dev.authservice.hashing.entity.Password;
import dev.authservice.passkeys.control.PasskeySummary;
import dev.authservice.passkeys.control.Passkeys;
import dev.authservice.passkeys.control.RelyingParty;
import dev.authservice.passkeys.entity.Passkey;
import dev.authservice.sessions.control.SessionSummary;
import dev.authservice.sessions.control.Sessions;
import dev.authservice.sessions.entity.Session;
import dev.authservice.sessions.entity.SessionToken;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * The facade of a signed-in person's own account: password, second factor, their sessions,
 * passkeys, deletion. One container-managed transaction per use case, as in {@code AuthBean}:
 * a method that returns has committed. The JSON API and the account page call the same methods.
 * Every change to how one signs in needs re-authentication, and ends the other ways in.
 */
@Stateless
public class SelfService {

    @Inject
    EmailAddresses addresses;

    @Inject
    Accounts accounts;

    @Inject
    Sessions sessions;

    @Inject
    SecondFactor secondFactor;

    @Inject
    SignIns signIns;

    @Inject
    Passkeys passkeys;

    @Inject
    Event<FirstSecondFactor> firstSecondFactors;

    @Inject
    Event<SecurityEvent> events;

    /** Replaces the password of the token's user and ends the user's other sessions; returns the user. */
    public String changePassword(
            SessionToken token, Password current, String otp, Password replacement, Client client) {
        Session session = sessions.liveBeforePasswordChange(token);
        accounts.changePassword(session.username(), current, otp, replacement, client);
        session.passwordChanged();
        signIns.endOthersOf(session.username(), session);
        events.fire(SecurityEvent.of(SecurityEvent.Kind.PASSWORD_CHANGED, session.username(), client));
        return session.username();
    }

    /**
     * Sets, changes or removes (blank) the account's email address after re-authentication: a new
     * address gets a link to verify it, and the one it replaces a notice. Returns the address as it is now.
     */
    public AccountEmail changeEmail(
            SessionToken token, Password password, String otp, String typedEmail, Client client) {
        Session session = sessions.liveBeforePasswordChange(token);
        EmailAddress address = typedEmail == null || typedEmail.isBlank() ? null : EmailAddress.of(typedEmail);
        User user = accounts.reauthenticate(session.username(), password, otp, client);
        addresses.change(user, address, false, client, user.username());
        return new AccountEmail(address == null ? null : address.value(), user.isEmailVerified());
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
        signIns.endOthersOf(username, current);
        events.fire(SecurityEvent.of(SecurityEvent.Kind.MFA_ENROLLED, username, client));
        return enrolment;
    }

    /** Activates TOTP with its first code and ends the user's other sessions; returns the recovery codes, shown this once. */
    public List<String> confirmTotp(SessionToken token, String code, Client client) {
        Session current = sessions.live(token);
        String username = current.username();
        boolean first = passkeys.of(username).isEmpty();
        List<String> recoveryCodes = secondFactor.confirm(username, code, client);
        signIns.endOthersOf(username, current);
        events.fire(SecurityEvent.of(SecurityEvent.Kind.MFA_CONFIRMED, username, client));
        if (first) {
            firstSecondFactors.fire(new FirstSecondFactor(username, client));
        }
        return recoveryCodes;
    }

    /** Removes the second factor and its recovery codes after full re-authentication. */
    public void disableTotp(SessionToken token, Password password, String otp, Client client) {
        String username = sessions.live(token).username();
        secondFactor.requireActive(username);
        secondFactor.disable(accounts.reauthenticate(username, password, otp, client));
        signIns.endWaitingOf(username);
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
        int ended = signIns.endAllOf(username);
        passkeys.removeAllOf(username);
        accounts.delete(user);
        events.fire(new SecurityEvent(SecurityEvent.Kind.ACCOUNT_DELETED, username, client, ended));
    }

    /** What the account page shows: who is signed in, their groups, second factor, sessions and passkeys. */
    public AccountOverview account(SessionToken token) {
        Session current = sessions.liveBeforePasswordChange(token);
        String username = current.username();
        return new AccountOverview(
                username,
                current.email(),
                current.isEmailVerified(),
                current.isPasswordChangeDue(),
                accounts.groupsOf(username),
                secondFactor.isActive(username),
                sessions.liveOf(username, current),
                passkeys.of(username).stream().map(PasskeySummary::of).toList());
    }

    /** Ends every session of the token's user but the token's own, after full re-authentication; returns how many. */
    public int revokeOtherSessions(SessionToken token, Password password, String otp, Client client) {
        Session current = sessions.live(token);
        String username = current.username();
        accounts.reauthenticate(username, password, otp, client);
        int ended = signIns.endOthersOf(username, current);
        events.fire(new SecurityEvent(SecurityEvent.Kind.OTHER_SESSIONS_REVOKED, username, client, ended));
        return ended;
    }

    // Passkeys: registering one needs re-authentication, as every change to how one signs in does.

    /** The options for creating a passkey, after full re-authentication. */
    public JsonObject beginPasskeyRegistration(
            SessionToken token, Password password, String otp, RelyingParty rp, Client client) {
        String username = sessions.live(token).username();
        User user = accounts.reauthenticate(username, password, otp, client);
        return passkeys.registrationOptions(user, rp);
    }

    /** Keeps the passkey the browser made from {@link #beginPasskeyRegistration}'s options. */
    public PasskeySummary registerPasskey(
            SessionToken token, String credential, String name, RelyingParty rp, Client client) {
        String username = sessions.live(token).username();
        User user = accounts.existing(username);
        boolean first = !user.hasSecondFactor() && passkeys.of(username).isEmpty();
        Passkey passkey = passkeys.register(user, credential, name, rp, client);
        events.fire(SecurityEvent.of(SecurityEvent.Kind.PASSKEY_REGISTERED, username, client));
        if (first) {
            firstSecondFactors.fire(new FirstSecondFactor(username, client));
        }
        return PasskeySummary.of(passkey);
    }

    /** The name the new-passkey page offers: the device's ("Chrome on Linux"). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String suggestedPasskeyName(Client client) {
        return passkeys.suggestedName(client);
    }

    public List<PasskeySummary> passkeysOf(SessionToken token) {
        String username = sessions.live(token).username();
        return passkeys.of(username).stream().map(PasskeySummary::of).toList();
    }

    public PasskeySummary renamePasskey(SessionToken token, String id, String name, Client client) {
        String username = sessions.live(token).username();
        Passkey passkey = passkeys.ownedBy(username, id);
        passkeys.rename(passkey, name);
        events.fire(SecurityEvent.of(SecurityEvent.Kind.PASSKEY_RENAMED, username, client));
        return PasskeySummary.of(passkey);
    }

    /** Removes one of the user's passkeys, after full re-authentication. */
    public void removePasskey(SessionToken token, String id, Password password, String otp, Client client) {
        String username = sessions.live(token).username();
        // An unknown id is no failed proof of the password: refused before it is checked.
        passkeys.ownedBy(username, id);
        accounts.reauthenticate(username, password, otp, client);
        passkeys.remove(passkeys.ownedBy(username, id));
        events.fire(SecurityEvent.of(SecurityEvent.Kind.PASSKEY_REMOVED, username, client));
    }
}
