package dev.authservice.auth.boundary;

import dev.authservice.accounts.control.Accounts;
import dev.authservice.accounts.control.AdminSettings;
import dev.authservice.accounts.control.Administration;
import dev.authservice.accounts.control.Credentials;
import dev.authservice.accounts.control.SecondFactor;
import dev.authservice.accounts.entity.GroupName;
import dev.authservice.accounts.entity.User;
import dev.authservice.accounts.entity.Username;
import dev.authservice.audit.control.SecurityEvent;
import dev.authservice.audit.entity.Client;
import dev.authservice.hashing.entity.Password;
import dev.authservice.passkeys.control.PasskeySettings;
import dev.authservice.passkeys.control.PasskeySummary;
import dev.authservice.passkeys.control.Passkeys;
import dev.authservice.passkeys.control.RelyingParty;
import dev.authservice.passkeys.entity.Passkey;
import dev.authservice.passkeys.entity.WebAuthnChallenge.Ceremony;
import dev.authservice.portal.control.PendingSignIns;
import dev.authservice.portal.control.PortalSignIn;
import dev.authservice.portal.entity.PendingSignIn;
import dev.authservice.refusal.Refusal;
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
import jakarta.json.JsonObject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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
    Administration administration;

    @Inject
    AdminSettings adminSettings;

    @Inject
    Passkeys passkeys;

    @Inject
    PasskeySettings passkeySettings;

    @Inject
    Event<SecurityEvent> events;

    /** Creates an account; returns its canonical username. */
    public String register(String typedUsername, Password password, Client client) {
        requireRegistrationOpen();
        User user = accounts.register(Username.canonical(typedUsername), password);
        events.fire(SecurityEvent.of(SecurityEvent.Kind.REGISTERED, user.username(), client));
        return user.username();
    }

    /** A forbidden refusal when auth.registration.enabled=false: then only administrators create accounts. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void requireRegistrationOpen() {
        if (!adminSettings.registrationEnabled()) {
            throw Refusal.forbidden("Registration is closed (auth.registration.enabled=false): an administrator"
                    + " creates accounts.");
        }
    }

    /** Proves the credentials and opens a new session. */
    public IssuedSession login(Credentials credentials, Client client) {
        User user = accounts.authenticate(credentials, client);
        accounts.loggedIn(user);
        // An account with a second factor logs in only with its code: the session proved both.
        IssuedSession session = sessions.open(user, client, user.hasSecondFactor());
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
                    pendingSignIns.begin(user, redirect, keepSignedIn), keepSignedIn, redirect);
        }
        accounts.loggedIn(user);
        IssuedSession session = sessions.open(user, client, false);
        events.fire(SecurityEvent.of(SecurityEvent.Kind.LOGIN_SUCCEEDED, user.username(), client));
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
        accounts.loggedIn(user);
        IssuedSession session = sessions.open(user, client, true);
        events.fire(SecurityEvent.of(SecurityEvent.Kind.LOGIN_SUCCEEDED, user.username(), client));
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
        int revoked = endSignInsOf(username);
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
        Session session = sessions.liveBeforePasswordChange(token);
        accounts.changePassword(session.username(), current, otp, replacement, client);
        session.passwordChanged();
        endOtherSignInsOf(session.username(), session);
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
        endOtherSignInsOf(username, current);
        events.fire(SecurityEvent.of(SecurityEvent.Kind.MFA_ENROLLED, username, client));
        return enrolment;
    }

    /** Activates TOTP with its first code and ends the user's other sessions; returns the recovery codes, shown this once. */
    public List<String> confirmTotp(SessionToken token, String code, Client client) {
        Session current = sessions.live(token);
        String username = current.username();
        boolean first = passkeys.of(username).isEmpty();
        List<String> recoveryCodes = secondFactor.confirm(username, code, client);
        endOtherSignInsOf(username, current);
        events.fire(SecurityEvent.of(SecurityEvent.Kind.MFA_CONFIRMED, username, client));
        if (first) {
            warnOfAdministratorsFirstSecondFactor(username, client);
        }
        return recoveryCodes;
    }

    /** Removes the second factor and its recovery codes after full re-authentication. */
    public void disableTotp(SessionToken token, Password password, String otp, Client client) {
        String username = sessions.live(token).username();
        secondFactor.requireActive(username);
        secondFactor.disable(accounts.reauthenticate(username, password, otp, client));
        endWaitingSignInsOf(username);
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
        int ended = endSignInsOf(username);
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
                current.isPasswordChangeDue(),
                administration.groupsOf(username),
                secondFactor.isActive(username),
                sessions.liveOf(username, current),
                passkeys.of(username).stream().map(PasskeySummary::of).toList());
    }

    /** Ends every session of the token's user but the token's own, after full re-authentication; returns how many. */
    public int revokeOtherSessions(SessionToken token, Password password, String otp, Client client) {
        Session current = sessions.live(token);
        String username = current.username();
        accounts.reauthenticate(username, password, otp, client);
        int ended = endOtherSignInsOf(username, current);
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
        User user = administration.existing(username);
        boolean first = !user.hasSecondFactor() && passkeys.of(username).isEmpty();
        Passkey passkey = passkeys.register(user, credential, name, rp);
        events.fire(SecurityEvent.of(SecurityEvent.Kind.PASSKEY_REGISTERED, username, client));
        if (first) {
            warnOfAdministratorsFirstSecondFactor(username, client);
        }
        return PasskeySummary.of(passkey);
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
        accounts.loggedIn(user);
        IssuedSession session = sessions.open(user, client, true);
        events.fire(SecurityEvent.of(SecurityEvent.Kind.PASSKEY_SIGN_IN, username, client));
        return session;
    }

    private void requirePasswordless() {
        if (!passkeySettings.passwordless()) {
            throw Refusal.forbidden("Sign-in with a passkey alone is turned off (auth.webauthn.passwordless=false).");
        }
    }

    // Administration: every call names its administrator, action and target in the security log.

    /** A page of accounts for an administrator, with the total that match. */
    public AdminUserPage listUsers(SessionToken token, String search, int first, int max, Client client) {
        String admin = administrator(token, client);
        Administration.UserPage page = administration.page(search, first, max);
        Map<String, Long> live =
                sessions.liveCounts(page.users().stream().map(User::username).toList());
        List<AdminUser> users = page.users().stream()
                .map(u -> adminView(
                        u,
                        page.groups().getOrDefault(u.username(), List.of()),
                        live.getOrDefault(u.username(), 0L),
                        null))
                .toList();
        events.fire(adminEvent(SecurityEvent.Kind.ADMIN_USERS_LISTED, admin, client, null, 0));
        return new AdminUserPage(users, page.more());
    }

    /** One account for an administrator, its live sessions included. */
    public AdminUser user(SessionToken token, String username, Client client) {
        String admin = administrator(token, client);
        User user = administration.existing(username);
        List<SessionSummary> live = sessions.liveOf(username, null);
        events.fire(adminEvent(SecurityEvent.Kind.ADMIN_USER_VIEWED, admin, client, username, 0));
        return adminView(user, administration.groupsOf(username), live.size(), live);
    }

    /** An account an administrator creates, in these groups; returns its canonical name. */
    public String createUser(
            SessionToken token, String typedUsername, Password password, List<String> groups, Client client) {
        String admin = administrator(token, client);
        User user = administration.create(typedUsername, password, groupNames(groups));
        events.fire(adminEvent(SecurityEvent.Kind.ADMIN_USER_CREATED, admin, client, user.username(), 0));
        return user.username();
    }

    /** Disables the account and ends every session of it; returns how many. */
    public int disableUser(SessionToken token, String username, Client client) {
        String admin = administrator(token, client);
        administration.disable(administration.existing(username));
        int ended = endSignInsOf(username);
        events.fire(adminEvent(SecurityEvent.Kind.ADMIN_USER_DISABLED, admin, client, username, ended));
        return ended;
    }

    public void enableUser(SessionToken token, String username, Client client) {
        String admin = administrator(token, client);
        administration.enable(administration.existing(username));
        events.fire(adminEvent(SecurityEvent.Kind.ADMIN_USER_ENABLED, admin, client, username, 0));
    }

    /** Ends every session of the account; returns how many. */
    public int logoutUser(SessionToken token, String username, Client client) {
        String admin = administrator(token, client);
        administration.existing(username);
        int ended = endSignInsOf(username);
        events.fire(adminEvent(SecurityEvent.Kind.ADMIN_SESSIONS_ENDED, admin, client, username, ended));
        return ended;
    }

    /** Removes the account's second factor and recovery codes, and ends every session; returns how many. */
    public int resetSecondFactor(SessionToken token, String username, Client client) {
        String admin = administrator(token, client);
        administration.resetSecondFactor(administration.existing(username));
        passkeys.removeAllOf(username);
        int ended = endSignInsOf(username);
        events.fire(adminEvent(SecurityEvent.Kind.ADMIN_SECOND_FACTOR_RESET, admin, client, username, ended));
        return ended;
    }

    /** Sets the account's password (through the policy) and ends every session; returns how many. */
    public int setPassword(SessionToken token, String username, Password password, Client client) {
        String admin = administrator(token, client);
        administration.setPassword(administration.existing(username), password);
        int ended = endSignInsOf(username);
        events.fire(adminEvent(SecurityEvent.Kind.ADMIN_PASSWORD_SET, admin, client, username, ended));
        return ended;
    }

    /** Sets the account's groups; the next token check on any instance sees them. Returns them. */
    public List<String> setGroups(SessionToken token, String username, List<String> groups, Client client) {
        String admin = administrator(token, client);
        User user = administration.existing(username);
        administration.setGroups(user, groupNames(groups));
        sessions.setGroupsOf(username, user.groups());
        events.fire(adminEvent(SecurityEvent.Kind.ADMIN_GROUPS_SET, admin, client, username, 0));
        return List.copyOf(user.groups());
    }

    /** Deletes the account as its own deletion does; returns how many sessions ended. */
    public int deleteUser(SessionToken token, String username, Client client) {
        String admin = administrator(token, client);
        User user = administration.existing(username);
        int ended = endSignInsOf(username);
        passkeys.removeAllOf(username);
        administration.delete(user);
        events.fire(adminEvent(SecurityEvent.Kind.ADMIN_USER_DELETED, admin, client, username, ended));
        return ended;
    }

    /**
     * Ends every session of the user and every sign-in of theirs still under way: a password step
     * waiting for its second factor, a passkey ceremony. Every use case that ends a user's sessions
     * or changes how they sign in ends them here, so that none finishes into a new session.
     */
    private int endSignInsOf(String username) {
        endWaitingSignInsOf(username);
        return sessions.revokeAllOf(username);
    }

    /** As {@link #endSignInsOf}, but the current session stays; returns how many others ended. */
    private int endOtherSignInsOf(String username, Session current) {
        endWaitingSignInsOf(username);
        return sessions.revokeOthersOf(username, current);
    }

    /**
     * An administrator's first second factor is a WARNING in the security log: whoever knew the
     * password could have enrolled their own, and then the account is theirs.
     */
    private void warnOfAdministratorsFirstSecondFactor(String username, Client client) {
        if (administration.isAdministrator(username)) {
            events.fire(adminEvent(SecurityEvent.Kind.ADMIN_SECOND_FACTOR_ADDED, username, client, username, 0));
        }
    }

    private void endWaitingSignInsOf(String username) {
        pendingSignIns.endAllOf(username);
        passkeys.endCeremoniesOf(username);
    }

    /** The administrator behind the token: 401 without a live session, 403 (logged) if not allowed. */
    private String administrator(SessionToken token, Client client) {
        Session session = sessions.live(token);
        try {
            administration.requireAdministrator(session.username(), session.openedWithSecondFactor());
        } catch (Refusal refused) {
            events.fire(adminEvent(SecurityEvent.Kind.ADMIN_REFUSED, session.username(), client, null, 0));
            throw refused;
        }
        return session.username();
    }

    private static SecurityEvent adminEvent(
            SecurityEvent.Kind kind, String admin, Client client, String target, int sessionsEnded) {
        return new SecurityEvent(kind, admin, client, sessionsEnded, target);
    }

    private static Set<GroupName> groupNames(List<String> names) {
        Set<GroupName> groups = new TreeSet<>(Comparator.comparing(GroupName::value));
        names.forEach(name -> groups.add(new GroupName(name)));
        return groups;
    }

    private static AdminUser adminView(User user, List<String> groups, long liveSessions, List<SessionSummary> live) {
        return new AdminUser(
                user.username(),
                user.createdAt(),
                user.lastLoginAt(),
                user.isDisabled(),
                groups,
                user.hasSecondFactor(),
                liveSessions,
                live);
    }
}
