package dev.authservice.accounts.control;

import dev.authservice.accounts.entity.User;
import dev.authservice.accounts.entity.Username;
import dev.authservice.audit.control.SecurityEvent;
import dev.authservice.audit.entity.Client;
import dev.authservice.hashing.control.HashingGate;
import dev.authservice.hashing.control.PasswordHasher;
import dev.authservice.hashing.entity.Password;
import dev.authservice.persistence.control.ConstraintViolations;
import dev.authservice.refusal.Refusal;
import dev.authservice.throttling.control.LoginThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * The account rules: who may register, what proves a login or a re-authentication, how a
 * password or second factor changes, how an account ends. Every PBKDF2 computation passes the
 * {@link HashingGate}; every attempt to prove a password or a one-time code passes the
 * {@link LoginThrottle} first.
 */
@ApplicationScoped
public class Accounts {

    /** The security log's reason for a refusal of a disabled account; the client hears only "wrong password". */
    static final String DISABLED = "disabled";

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
    SecondFactor secondFactor;

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
            if (ConstraintViolations.causedBy(e)) {
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
     * throttled alike; an account with a second factor also needs its one-time code.
     */
    public User authenticate(Credentials credentials, Client client) {
        Proof proof =
                new Proof(throttleKey(credentials.username()), credentials.password(), credentials.otp(), null, false);
        return prove(
                proof, Refusal::invalidCredentials, SecurityEvent.Kind.LOGIN_FAILED, credentials.username(), client);
    }

    /**
     * The account whose password these credentials prove, as {@link #authenticate} decides, but
     * with the second factor left for a later step ({@link #proveSecondFactor}): the browser's
     * sign-in asks for the code on a page of its own. For an account with a second factor the
     * attempt stays counted by the throttle until that step succeeds.
     */
    public User authenticatePassword(Credentials credentials, Client client) {
        Proof proof = new Proof(throttleKey(credentials.username()), credentials.password(), null, null, true);
        return prove(
                proof, Refusal::invalidCredentials, SecurityEvent.Kind.LOGIN_FAILED, credentials.username(), client);
    }

    /**
     * The second step of a browser's sign-in: the account's TOTP code or an unused recovery code,
     * counted and throttled as a login attempt of the account, under the account's row lock as in
     * {@link #authenticate}. The password proved at the first step must still be the account's
     * ({@code passwordStamp}), checked under that lock so that no change can commit in between.
     */
    public User proveSecondFactor(String username, String passwordStamp, String code, Client client) {
        String why = null;
        try {
            throttle.beginAttempt(username, client);
            User user = em.find(User.class, username, LockModeType.PESSIMISTIC_WRITE);
            if (user != null && !user.passwordStamp().equals(passwordStamp)) {
                throw Refusal.signInExpired();
            }
            if (user != null && user.isDisabled()) {
                why = DISABLED;
            }
            if (user == null || user.isDisabled() || !user.hasSecondFactor() || !secondFactor.verify(user, code)) {
                throw Refusal.secondFactorRequired();
            }
            throttle.succeeded(username);
            return user;
        } catch (Refusal refused) {
            throw recorded(refused, SecurityEvent.Kind.OTP_FAILED, username, client, why);
        }
    }

    /**
     * The account a verified passkey belongs to, locked, once it has proved a sign-in: a disabled
     * or deleted account is refused as any failed passkey is, and the attempt a password step
     * left counted is settled. After a password step ({@code passwordStamp} not null) that
     * password must still be the account's, as for {@link #proveSecondFactor}.
     */
    public User provedByPasskey(String username, String passwordStamp) {
        User user = em.find(User.class, username, LockModeType.PESSIMISTIC_WRITE);
        if (user == null || user.isDisabled()) {
            throw Refusal.passkeyRefused();
        }
        if (passwordStamp != null && !user.passwordStamp().equals(passwordStamp)) {
            throw Refusal.signInExpired();
        }
        throttle.succeeded(username);
        return user;
    }

    /**
     * The session's own user proving again who they are (password, and one-time code when the
     * account has a second factor) before a change to how they sign in or what they own.
     */
    public User reauthenticate(String username, Password password, String otp, Client client) {
        return prove(
                new Proof(username, password, otp, null, false),
                Refusal::wrongPassword,
                SecurityEvent.Kind.REAUTHENTICATION_FAILED,
                username,
                client);
    }

    /** Replaces the user's password once the current one (and second factor, if any) is proved. */
    public void changePassword(String username, Password current, String otp, Password replacement, Client client) {
        policy.check(Username.canonical(username), replacement);
        prove(
                new Proof(username, current, otp, replacement, false),
                Refusal::wrongCurrentPassword,
                SecurityEvent.Kind.PASSWORD_CHANGE_FAILED,
                username,
                client);
    }

    /**
     * A forgotten password replaced through a link sent by email: the caller has proved the link
     * (and the second factor) and holds the account's row lock. The new password is the owner's,
     * so no change is due; the throttle's lock on the account ends with it.
     */
    public void resetPassword(User user, Password replacement) {
        policy.check(Username.canonical(user.username()), replacement);
        user.changePasswordTo(hashingGate.run(() -> hasher.hash(replacement)));
        throttle.clear(user.username());
    }

    /** Records a login of {@code user} now, for the administrators' user list. */
    public void loggedIn(User user) {
        user.loggedInAt(clock.instant());
    }

    /** The groups of the account, by name. */
    public List<String> groupsOf(String username) {
        return em.createNamedQuery(User.GROUPS_OF, String.class)
                .setParameter("username", username)
                .getResultList();
    }

    /** The account of this canonical username, or a not-found refusal. */
    public User existing(String username) {
        User user = username == null ? null : em.find(User.class, username);
        if (user == null) {
            throw Refusal.notFound("No user has this name.");
        }
        return user;
    }

    /** Ends the account: its second factor, its recovery codes and the user row; sessions are the caller's. */
    public void delete(User user) {
        secondFactor.deleteRecoveryCodes(user);
        em.remove(user);
    }

    /**
     * What one attempt must prove, and the password to store once it has, if any; with
     * {@code secondFactorLater}, the password alone.
     */
    private record Proof(String name, Password password, String otp, Password replacement, boolean secondFactorLater) {}

    /** A password proved against {@code user}, and the hash to store next, if any. */
    private record Verified(User user, String nextHash) {}

    /**
     * The core of every proof: count the attempt, verify the password in a hashing slot (against
     * a dummy hash for a name with no account), lock the account's row and check that its hash is
     * still the one verified (a password change that committed meanwhile fails this), then the
     * second factor under that lock. The lock lasts until the caller's transaction ends, so no
     * password change can commit between this proof and what it leads to.
     */
    private User prove(
            Proof proof,
            Supplier<Refusal> wrongPassword,
            SecurityEvent.Kind failure,
            String loggedName,
            Client client) {
        // Why a refusal happened, for the security log alone: the answer is the same either way.
        String why = null;
        try {
            // Counted before it waits for a hashing slot, so that the slot is spent on hashing
            // alone, not on the count's database write; a 503 gives the attempt back.
            LoginThrottle.Counted attempt = throttle.beginAttempt(proof.name(), client);
            Verified verified = hashed(attempt, () -> {
                User found = em.find(User.class, proof.name());
                if (found == null) {
                    hasher.verifyAgainstDummy(proof.password());
                    throw wrongPassword.get();
                }
                if (!hasher.verify(proof.password(), found.passwordHash())) {
                    throw wrongPassword.get();
                }
                Password toStore = proof.replacement() != null
                        ? proof.replacement()
                        : hasher.needsRehash(found.passwordHash()) ? proof.password() : null;
                return new Verified(found, toStore == null ? null : hasher.hash(toStore));
            });
            User user = verified.user();
            if (!lockUnchanged(user)) {
                throw wrongPassword.get();
            }
            // After the verification, under the lock: a disabled account costs and answers
            // exactly as a wrong password does, and one disabled meanwhile is refused.
            if (user.isDisabled()) {
                why = DISABLED;
                throw wrongPassword.get();
            }
            if (user.hasSecondFactor() && !proof.secondFactorLater() && !secondFactor.verify(user, proof.otp())) {
                throw Refusal.secondFactorRequired();
            }
            if (!(user.hasSecondFactor() && proof.secondFactorLater())) {
                throttle.succeeded(proof.name());
            }
            if (proof.replacement() != null) {
                user.changePasswordTo(verified.nextHash());
            } else if (verified.nextHash() != null) {
                user.changePasswordHash(verified.nextHash());
            }
            return user;
        } catch (Refusal refused) {
            throw recorded(refused, failure, loggedName, client, why);
        }
    }

    /** Runs the verification in a hashing slot; an attempt refused a slot (503) is no attempt, and is refunded. */
    private Verified hashed(LoginThrottle.Counted attempt, Supplier<Verified> verification) {
        try {
            return hashingGate.run(verification);
        } catch (Refusal refused) {
            if (refused.reason() == Refusal.Reason.HASHING_BUSY) {
                throttle.refund(attempt);
            }
            throw refused;
        }
    }

    /** Fires the security event a refused attempt stands for; a 503 is no attempt and fires none. */
    private Refusal recorded(Refusal refused, SecurityEvent.Kind failure, String username, Client client, String why) {
        switch (refused.reason()) {
            case THROTTLED -> events.fire(SecurityEvent.of(SecurityEvent.Kind.LOGIN_THROTTLED, username, client));
            case SECOND_FACTOR_REQUIRED ->
                events.fire(SecurityEvent.of(SecurityEvent.Kind.OTP_FAILED, username, client)
                        .because(why));
            case HASHING_BUSY, SIGN_IN_EXPIRED -> {}
            default -> events.fire(SecurityEvent.of(failure, username, client).because(why));
        }
        return refused;
    }

    /**
     * Locks the account's row for the rest of the transaction and says whether its password hash is
     * still the one just verified.
     */
    private boolean lockUnchanged(User verified) {
        String verifiedHash = verified.passwordHash();
        em.refresh(verified, LockModeType.PESSIMISTIC_WRITE);
        return verified.passwordHash().equals(verifiedHash);
    }

    /**
     * The canonical username; for a name no account can have, a key that stands for it: printable,
     * of fixed length, and never a canonical username (those hold no space). So such a name is
     * throttled like any unknown name, its lookup simply finds nothing, and nothing it holds (a
     * NUL, a line break, 10,000 characters) reaches the database or the log.
     */
    static String throttleKey(String typedUsername) {
        try {
            return Username.canonical(typedUsername).value();
        } catch (Refusal noSuchAccountPossible) {
            try {
                byte[] digest =
                        MessageDigest.getInstance("SHA-256").digest(typedUsername.getBytes(StandardCharsets.UTF_8));
                return "not a username " + HexFormat.of().formatHex(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required of every Java platform", e);
            }
        }
    }
}
