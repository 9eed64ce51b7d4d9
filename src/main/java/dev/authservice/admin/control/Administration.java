package dev.authservice.admin.control;

import dev.authservice.accounts.control.Accounts;
import dev.authservice.accounts.control.FirstSecondFactor;
import dev.authservice.accounts.control.PasswordPolicy;
import dev.authservice.accounts.control.SecondFactor;
import dev.authservice.accounts.entity.GroupName;
import dev.authservice.accounts.entity.User;
import dev.authservice.accounts.entity.Username;
import dev.authservice.admin.entity.AdminLock;
import dev.authservice.audit.control.SecurityEvent;
import dev.authservice.hashing.control.HashingGate;
import dev.authservice.hashing.control.PasswordHasher;
import dev.authservice.hashing.entity.Password;
import dev.authservice.refusal.Refusal;
import dev.authservice.throttling.control.LoginThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of administration on the account side: who is an administrator, what an administrator
 * may change about an account, and that no change leaves the service without an enabled
 * administrator. Ending sessions is the caller's part (AuthBean), as for the user's own changes.
 */
@ApplicationScoped
public class Administration {

    /** The largest page of the user list. */
    public static final int MAX_PAGE = 100;

    /** Groups one account may be in: they travel with every token check (X-Auth-Groups). */
    public static final int MAX_GROUPS = 50;

    @PersistenceContext
    EntityManager em;

    @Inject
    AdminSettings settings;

    @Inject
    Accounts accounts;

    @Inject
    PasswordPolicy policy;

    @Inject
    PasswordHasher hasher;

    @Inject
    HashingGate hashingGate;

    @Inject
    SecondFactor secondFactor;

    @Inject
    LoginThrottle throttle;

    /** A page of accounts, with the groups of each, and whether more follow. */
    public record UserPage(List<User> users, Map<String, List<String>> groups, boolean more) {}

    /**
     * A forbidden refusal, saying why, unless {@code username} is an administrator whose session
     * was opened as auth.admin.require-second-factor demands.
     */
    public void requireAdministrator(String username, boolean sessionProvedSecondFactor) {
        if (!groupsOf(username).contains(settings.adminGroup())) {
            throw Refusal.forbidden("Only administrators (members of the group \"" + settings.adminGroup()
                    + "\") may call the admin API.");
        }
        if (settings.requireSecondFactor() && !sessionProvedSecondFactor) {
            throw Refusal.forbidden("The admin API needs a session opened with a second factor: enrol TOTP"
                    + " (POST /mfa/totp), then log in again with its code.");
        }
    }

    /**
     * An administrator's first second factor is a WARNING in the security log: whoever knew the
     * password could have enrolled their own, and then the account is theirs.
     */
    void warnOfAdministratorsFirst(@Observes FirstSecondFactor added, Event<SecurityEvent> events) {
        if (isAdministrator(added.username())) {
            events.fire(new SecurityEvent(
                    SecurityEvent.Kind.ADMIN_SECOND_FACTOR_ADDED,
                    added.username(),
                    added.client(),
                    0,
                    added.username()));
        }
    }

    public boolean isAdministrator(String username) {
        return groupsOf(username).contains(settings.adminGroup());
    }

    public List<String> groupsOf(String username) {
        return accounts.groupsOf(username);
    }

    /** The account of this canonical username, or a not-found refusal. */
    public User existing(String username) {
        return accounts.existing(username);
    }

    /**
     * Accounts whose name starts with {@code search}, ordered by name, from {@code first}, at most
     * {@code max}, and whether more follow. Names first, from the primary key's index, then the
     * page's accounts by name: fast however large the table (a search by prefix is a range of
     * that index; one by any part of a name would read every row).
     */
    public UserPage page(String search, int first, int max) {
        if (first < 0 || max < 1 || max > MAX_PAGE) {
            throw Refusal.invalidRequest("first must be 0 or more, and max 1 to " + MAX_PAGE + ".");
        }
        TypedQuery<String> names = search == null || search.isEmpty()
                ? em.createNamedQuery(User.NAMES, String.class)
                : em.createNamedQuery(User.NAMES_STARTING, String.class)
                        .setParameter("prefix", likeEscaped(search) + "%");
        List<String> page = names.setFirstResult(first).setMaxResults(max + 1).getResultList();
        boolean more = page.size() > max;
        List<String> shown = more ? page.subList(0, max) : page;
        if (shown.isEmpty()) {
            return new UserPage(List.of(), Map.of(), false);
        }
        List<User> users = em.createNamedQuery(User.NAMED, User.class)
                .setParameter("usernames", shown)
                .getResultList();
        Map<String, List<String>> groups = new HashMap<>();
        for (Object[] row : em.createNamedQuery(User.GROUPS_OF_USERS, Object[].class)
                .setParameter("usernames", shown)
                .getResultList()) {
            groups.computeIfAbsent((String) row[0], u -> new ArrayList<>()).add((String) row[1]);
        }
        return new UserPage(users, groups, more);
    }

    /** A new account, in these groups, created as registration creates one. */
    public User create(String typedUsername, Password password, Set<GroupName> groups) {
        requireFew(groups);
        User user = accounts.register(Username.canonical(typedUsername), password);
        user.setGroups(groups);
        return user;
    }

    public void disable(User target) {
        requireAnotherEnabledAdministrator(target);
        target.disable();
    }

    /** Enabled again, with its throttle state forgotten. */
    public void enable(User target) {
        target.enable();
        throttle.succeeded(target.username());
    }

    /**
     * Under the account's row lock, which logins take too: a login at the same moment copies
     * either the old groups into its session (and this change then rewrites them) or the new.
     */
    public void setGroups(User target, Set<GroupName> groups) {
        requireFew(groups);
        em.refresh(target, LockModeType.PESSIMISTIC_WRITE);
        if (!groups.contains(new GroupName(settings.adminGroup()))) {
            requireAnotherEnabledAdministrator(target);
        }
        target.setGroups(groups);
    }

    /** The second factor and its recovery codes removed. */
    public void resetSecondFactor(User target) {
        secondFactor.disable(target);
    }

    public void setPassword(User target, Password password) {
        policy.check(Username.canonical(target.username()), password);
        target.changePasswordHash(hashingGate.run(() -> hasher.hash(password)));
        // Someone else knows it now: its owner is asked to choose their own at the next sign-in.
        target.requirePasswordChange();
    }

    public void delete(User target) {
        requireAnotherEnabledAdministrator(target);
        accounts.delete(target);
    }

    /**
     * Creates the first administrator (auth.bootstrap.admin.*) when the admin group has no member;
     * returns the name created, if any. Under the administration lock, so of instances starting
     * together on one database exactly one creates it. An existing account of that name is never
     * promoted: whoever registered it first would become administrator.
     */
    @Transactional
    public Optional<String> bootstrap(String typedUsername, Password password) {
        em.find(AdminLock.class, AdminLock.ID, LockModeType.PESSIMISTIC_WRITE);
        boolean anyAdministrator = !em.createNamedQuery(User.MEMBERS_OF, String.class)
                .setParameter("group", settings.adminGroup())
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
        if (anyAdministrator) {
            return Optional.empty();
        }
        Username username = Username.canonical(typedUsername);
        if (em.find(User.class, username.value()) != null) {
            throw new IllegalStateException("auth.bootstrap.admin.username names an account that exists and is no"
                    + " administrator; it is not promoted. Choose another name.");
        }
        User user = accounts.register(username, password);
        user.setGroups(Set.of(new GroupName(settings.adminGroup())));
        // Its password sat in an environment others may read: it is changed at the first sign-in.
        user.requirePasswordChange();
        return Optional.of(user.username());
    }

    /**
     * A conflict refusal if {@code target} is the last enabled administrator, taken under the
     * administration lock so that two such changes at once are judged one after the other.
     */
    private void requireAnotherEnabledAdministrator(User target) {
        if (target.isDisabled() || !groupsOf(target.username()).contains(settings.adminGroup())) {
            return;
        }
        em.find(AdminLock.class, AdminLock.ID, LockModeType.PESSIMISTIC_WRITE);
        boolean another = em
                .createNamedQuery(User.ENABLED_MEMBERS_OF, String.class)
                .setParameter("group", settings.adminGroup())
                .getResultList()
                .stream()
                .anyMatch(name -> !name.equals(target.username()));
        if (!another) {
            throw Refusal.conflict("This is the last enabled administrator: the service would have none."
                    + " Make another administrator first.");
        }
    }

    private static void requireFew(Set<GroupName> groups) {
        if (groups.size() > MAX_GROUPS) {
            throw Refusal.invalidRequest("An account is in at most " + MAX_GROUPS + " groups.");
        }
    }

    /** LIKE's wildcards and its escape character ('!') taken literally. */
    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
