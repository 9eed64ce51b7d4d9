package dev.authservice.admin.boundary;

import com.nimbusds.jose.jwk.JWK;
import dev.authservice.accounts.entity.EmailAddress;
import dev.authservice.accounts.entity.GroupName;
import dev.authservice.accounts.entity.User;
import dev.authservice.admin.control.Administration;
import dev.authservice.audit.control.SecurityEvent;
import dev.authservice.audit.control.SecurityEventStore;
import dev.authservice.audit.entity.Client;
import dev.authservice.audit.entity.StoredSecurityEvent;
import dev.authservice.auth.control.SignIns;
import dev.authservice.clients.control.ClientMetadata;
import dev.authservice.clients.control.ClientOrigins;
import dev.authservice.clients.control.Clients;
import dev.authservice.clients.control.RegisteredClientView;
import dev.authservice.email.control.EmailAddresses;
import dev.authservice.hashing.entity.Password;
import dev.authservice.keys.control.SigningKeys;
import dev.authservice.passkeys.control.Passkeys;
import dev.authservice.refusal.Refusal;
import dev.authservice.sessions.control.RefreshTokens;
import dev.authservice.sessions.control.SessionSummary;
import dev.authservice.sessions.control.Sessions;
import dev.authservice.sessions.entity.Session;
import dev.authservice.sessions.entity.SessionToken;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The facade of administration: what the admin API (and the help desk's pages) do to other
 * people's accounts. One container-managed transaction per use case, as in {@code AuthBean}. Every
 * call checks its administrator first and names the administrator, action and target in the
 * security log.
 */
@Stateless
public class AdminActions {

    @Inject
    EmailAddresses addresses;

    @Inject
    Administration administration;

    @Inject
    Sessions sessions;

    @Inject
    SignIns signIns;

    @Inject
    Passkeys passkeys;

    @Inject
    Clients clients;

    @Inject
    ClientOrigins clientOrigins;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    SigningKeys signingKeys;

    @Inject
    Event<SecurityEvent> events;

    @Inject
    SecurityEventStore eventStore;

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
                        null,
                        0))
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
        return adminView(
                user,
                administration.groupsOf(username),
                live.size(),
                live,
                passkeys.of(username).size());
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
        int ended = signIns.endAllOf(username);
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
        int ended = signIns.endAllOf(username);
        events.fire(adminEvent(SecurityEvent.Kind.ADMIN_SESSIONS_ENDED, admin, client, username, ended));
        return ended;
    }

    /** Removes the account's second factor and recovery codes, and ends every session; returns how many. */
    public int resetSecondFactor(SessionToken token, String username, Client client) {
        String admin = administrator(token, client);
        administration.resetSecondFactor(administration.existing(username));
        passkeys.removeAllOf(username);
        int ended = signIns.endAllOf(username);
        events.fire(adminEvent(SecurityEvent.Kind.ADMIN_SECOND_FACTOR_RESET, admin, client, username, ended));
        return ended;
    }

    /** Sets the account's password (through the policy) and ends every session; returns how many. */
    public int setPassword(SessionToken token, String username, Password password, Client client) {
        String admin = administrator(token, client);
        administration.setPassword(administration.existing(username), password);
        int ended = signIns.endAllOf(username);
        events.fire(adminEvent(SecurityEvent.Kind.ADMIN_PASSWORD_SET, admin, client, username, ended));
        return ended;
    }

    /**
     * Sets or removes (blank) the account's email address. The administrator vouches for it, so it
     * counts as verified at once; the address it replaces gets a notice. Returns the address, or null.
     */
    public String setEmail(SessionToken token, String username, String typedEmail, Client client) {
        String admin = administrator(token, client);
        EmailAddress address = typedEmail == null || typedEmail.isBlank() ? null : EmailAddress.of(typedEmail);
        User user = administration.existing(username);
        addresses.change(user, address, true, client, admin);
        return address == null ? null : address.value();
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
        int ended = signIns.endAllOf(username);
        passkeys.removeAllOf(username);
        administration.delete(user);
        events.fire(adminEvent(SecurityEvent.Kind.ADMIN_USER_DELETED, admin, client, username, ended));
        return ended;
    }

    /**
     * The newest security events of every instance, within auth.audit.retention, newest first;
     * with a username, what that account did and what was done to it.
     */
    public List<StoredSecurityEvent> events(SessionToken token, String username, int max, Client client) {
        administrator(token, client);
        return eventStore.newest(username, max);
    }

    /** Registers a relying party of the OpenID provider; the answer holds its secret, shown this once. */
    public RegisteredClientView registerClient(SessionToken token, ClientMetadata metadata, Client client) {
        String admin = administrator(token, client);
        RegisteredClientView registered = clients.register(metadata);
        clientOrigins.forget();
        events.fire(adminEvent(SecurityEvent.Kind.ADMIN_CLIENT_REGISTERED, admin, client, registered.clientId(), 0));
        return registered;
    }

    public List<RegisteredClientView> listClients(SessionToken token, Client client) {
        String admin = administrator(token, client);
        events.fire(adminEvent(SecurityEvent.Kind.ADMIN_CLIENTS_LISTED, admin, client, null, 0));
        return clients.all();
    }

    public RegisteredClientView client(SessionToken token, String clientId, Client client) {
        administrator(token, client);
        return clients.view(clientId);
    }

    public RegisteredClientView updateClient(
            SessionToken token, String clientId, ClientMetadata metadata, Client client) {
        String admin = administrator(token, client);
        RegisteredClientView updated = clients.update(clientId, metadata);
        clientOrigins.forget();
        events.fire(adminEvent(SecurityEvent.Kind.ADMIN_CLIENT_UPDATED, admin, client, clientId, 0));
        return updated;
    }

    /** Deletes a client and ends every refresh token it holds; returns how many. */
    public int deleteClient(SessionToken token, String clientId, Client client) {
        String admin = administrator(token, client);
        clients.delete(clientId);
        int ended = refreshTokens.endAllOfClient(clientId);
        events.fire(adminEvent(SecurityEvent.Kind.ADMIN_CLIENT_DELETED, admin, client, clientId, 0));
        return ended;
    }

    /**
     * Makes a new signing key for the OpenID provider's tokens; the one before stays published until
     * what it signed has expired. Returns the new key's id.
     */
    public String rotateSigningKey(SessionToken token, Client client) {
        String admin = administrator(token, client);
        String kid = signingKeys.rotate();
        events.fire(adminEvent(SecurityEvent.Kind.ADMIN_SIGNING_KEY_ROTATED, admin, client, kid, 0));
        return kid;
    }

    /** The published signing keys' public halves, the newest generation (the one that signs) first. */
    public List<JWK> signingKeys(SessionToken token, Client client) {
        administrator(token, client);
        return signingKeys.published().getKeys();
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

    private static AdminUser adminView(
            User user, List<String> groups, long liveSessions, List<SessionSummary> live, int passkeyCount) {
        return new AdminUser(
                user.username(),
                user.createdAt(),
                user.lastLoginAt(),
                user.isDisabled(),
                user.isPasswordChangeDue(),
                user.email() == null ? null : user.email().value(),
                user.isEmailVerified(),
                groups,
                user.hasSecondFactor(),
                liveSessions,
                live,
                passkeyCount);
    }
}
