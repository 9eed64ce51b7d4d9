package dev.authservice.auth.control;

import java.sql.SQLException;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import dev.authservice.auth.entity.User;

/**
 * The account rules: who may register, what proves a login, how a password is replaced. Every
 * PBKDF2 computation passes the {@link HashingGate}; every attempt to prove a password passes the
 * {@link LoginThrottle} first.
 */
@ApplicationScoped
public class Accounts {

    /** SQLState class 23: integrity constraint violation (here, the username primary key). */
    private static final String INTEGRITY_CONSTRAINT_VIOLATION = "23";

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordPolicy policy;

    @Inject
    LoginThrottle throttle;

    @Inject
    HashingGate hashingGate;

    @Inject
    PendingRegistrations pendingRegistrations;

    @Inject
    Clock clock;

    @Inject
    Event<SecurityEvent> events;

    /**
     * Creates the account under the canonical username. The lookup only spares the hashing work
     * and a logged constraint error in the common case; of simultaneous registrations, the
     * primary key decides.
     */
    public User register(Username username, Password password) {
        policy.check(username, password);
        if (em.find(User.class, username.value()) != null || !pendingRegistrations.reserve(username)) {
            throw Refusal.usernameTaken();
        }
        try {
            User user = new User(username.value(), hashingGate.run(() -> hasher.hash(password)), clock.instant());
            em.persist(user);
            em.flush();
            return user;
        } catch (PersistenceException e) {
            if (isConstraintViolation(e)) {
                throw Refusal.usernameTaken();
            }
            throw e;
        } finally {
            pendingRegistrations.release(username);
        }
    }

    /**
     * The account these credentials prove. Unknown names, names no account could have, and wrong
     * passwords all cost one PBKDF2 verification at the current parameters, fail alike and are
     * throttled alike. The account's row stays locked until the caller's transaction ends, so a
     * password change cannot commit between this verification and the session it leads to.
     */
    public User authenticate(Credentials credentials, Client client) {
        String throttleKey = throttleKey(credentials.username());
        Password password = credentials.password();
        try {
            // The attempt is counted only once it has a hashing slot: a 503 costs the account nothing.
            Verified verified = hashingGate.run(() -> {
                throttle.beginAttempt(throttleKey);
                User found = em.find(User.class, throttleKey);
                if (found == null) {
                    hasher.verifyAgainstDummy(password);
                    throw Refusal.invalidCredentials();
                }
                if (!hasher.verify(password, found.passwordHash())) {
                    throw Refusal.invalidCredentials();
                }
                return new Verified(found, hasher.needsRehash(found.passwordHash()) ? hasher.hash(password) : null);
            });
            if (!lockUnchanged(verified.user())) {
                throw Refusal.invalidCredentials();
            }
            throttle.succeeded(throttleKey);
            if (verified.upgradedHash() != null) {
                verified.user().changePasswordHash(verified.upgradedHash());
            }
            return verified.user();
        } catch (Refusal refused) {
            throw recorded(refused, SecurityEvent.Kind.LOGIN_FAILED, credentials.username(), client);
        }
    }

    /**
     * Replaces the user's password once the current one is proved. A wrong current password counts
     * as a failed login for the throttle.
     */
    public void changePassword(String username, Password current, Password replacement, Client client) {
        policy.check(Username.canonical(username), replacement);
        try {
            Verified verified = hashingGate.run(() -> {
                throttle.beginAttempt(username);
                User user = em.find(User.class, username);
                if (!hasher.verify(current, user.passwordHash())) {
                    throw Refusal.wrongCurrentPassword();
                }
                return new Verified(user, hasher.hash(replacement));
            });
            if (!lockUnchanged(verified.user())) {
                throw Refusal.wrongCurrentPassword();
            }
            throttle.succeeded(username);
            verified.user().changePasswordHash(verified.upgradedHash());
        } catch (Refusal refused) {
            throw recorded(refused, SecurityEvent.Kind.PASSWORD_CHANGE_FAILED, username, client);
        }
    }

    /** A password proved against {@code user}, and the hash to store next, if any. */
    private record Verified(User user, String upgradedHash) {
    }

    /** Fires the security event a refused attempt stands for; a 503 is no attempt and fires none. */
    private Refusal recorded(Refusal refused, SecurityEvent.Kind failure, String username, Client client) {
        switch (refused.reason()) {
            case THROTTLED -> events.fire(SecurityEvent.of(SecurityEvent.Kind.LOGIN_THROTTLED, username, client));
            case HASHING_BUSY -> { }
            default -> events.fire(SecurityEvent.of(failure, username, client));
        }
        return refused;
    }

    /**
     * Locks the account's row for the rest of the transaction and says whether its password hash is
     * still the one just verified. A password change that committed during the verification makes
     * this false; one that starts after it waits for the lock.
     */
    private boolean lockUnchanged(User verified) {
        String verifiedHash = verified.passwordHash();
        em.refresh(verified, LockModeType.PESSIMISTIC_WRITE);
        return verified.passwordHash().equals(verifiedHash);
    }

    /**
     * The canonical username; for a name no account can have, the name as sent (bounded), so it
     * is throttled like any unknown name and its lookup simply finds nothing.
     */
    private static String throttleKey(String typedUsername) {
        try {
            return Username.canonical(typedUsername).value();
        } catch (Refusal noSuchAccountPossible) {
            return "\u0000" + typedUsername.substring(0, Math.min(typedUsername.length(), 256));
        }
    }

    private static boolean isConstraintViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(INTEGRITY_CONSTRAINT_VIOLATION)) {
                return true;
            }
        }
        return false;
    }
}
