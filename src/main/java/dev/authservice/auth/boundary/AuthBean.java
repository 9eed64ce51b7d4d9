package dev.authservice.auth.boundary;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import dev.authservice.auth.control.AuthConfig;
import dev.authservice.auth.control.Credentials;
import dev.authservice.auth.control.HashingGate;
import dev.authservice.auth.control.InvalidCredentialsException;
import dev.authservice.auth.control.InvalidRequestException;
import dev.authservice.auth.control.InvalidTokenException;
import dev.authservice.auth.control.IssuedSession;
import dev.authservice.auth.control.LoginThrottle;
import dev.authservice.auth.control.PasswordHasher;
import dev.authservice.auth.control.PasswordPolicy;
import dev.authservice.auth.control.PendingRegistrations;
import dev.authservice.auth.control.SessionToken;
import dev.authservice.auth.control.SessionView;
import dev.authservice.auth.control.Username;
import dev.authservice.auth.control.UsernameTakenException;
import dev.authservice.auth.entity.Session;
import dev.authservice.auth.entity.User;

/**
 * The use cases of the service, one container-managed transaction each: a method that returns has
 * committed, so whatever the resource then acknowledges is already durable.
 */
@Stateless
public class AuthBean {

    /** SQLState class 23: integrity constraint violation (here, the username primary key). */
    private static final String INTEGRITY_CONSTRAINT_VIOLATION = "23";

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordPolicy passwordPolicy;

    @Inject
    LoginThrottle throttle;

    @Inject
    HashingGate hashingGate;

    @Inject
    PendingRegistrations pendingRegistrations;

    @Inject
    AuthConfig config;

    private final Clock clock = Clock.systemUTC();

    /**
     * Creates the account under the canonical username. The lookup only spares the hashing work
     * and a logged constraint error in the common case; of simultaneous registrations, the
     * primary key decides.
     */
    public String register(Credentials credentials) {
        Username username = Username.canonical(credentials.username());
        String password = PasswordPolicy.normalize(credentials.password());
        passwordPolicy.check(username, password);
        if (em.find(User.class, username.value()) != null || !pendingRegistrations.reserve(username)) {
            throw new UsernameTakenException();
        }
        try {
            String passwordHash = hashingGate.run(() -> hasher.hash(password));
            User user = new User(username.value(), passwordHash, clock.instant());
            em.persist(user);
            em.flush();
            return user.username();
        } catch (PersistenceException e) {
            if (isConstraintViolation(e)) {
                throw new UsernameTakenException();
            }
            throw e;
        } finally {
            pendingRegistrations.release(username);
        }
    }

    /**
     * Unknown names, names no account could have, and wrong passwords all cost one PBKDF2
     * verification at the current parameters and fail alike; all are throttled alike.
     */
    public IssuedSession login(Credentials credentials) {
        String throttleKey = throttleKey(credentials.username());
        String password = PasswordPolicy.normalize(credentials.password());
        // The attempt is counted only once it has a hashing slot: a 503 costs the account nothing.
        User user = hashingGate.run(() -> {
            throttle.beginAttempt(throttleKey);
            User found = em.find(User.class, throttleKey);
            boolean verified = found == null
                    ? hasher.verifyAgainstDummy(password)
                    : hasher.verify(password, found.passwordHash());
            if (!verified) {
                throw new InvalidCredentialsException();
            }
            throttle.succeeded(throttleKey);
            if (hasher.needsRehash(found.passwordHash())) {
                found.changePasswordHash(hasher.hash(password));
            }
            return found;
        });
        Instant now = clock.instant();
        SessionToken token = SessionToken.generate();
        Session session = new Session(token.hash(), user, now,
                now.plus(config.sessionAbsoluteTimeout()), now.plus(config.sessionIdleTimeout()));
        em.persist(session);
        return new IssuedSession(user.username(), token, Duration.between(now, session.idleExpiresAt()));
    }

    /**
     * Revokes one live session and returns its user. Of simultaneous logouts with one token,
     * exactly one deletes the row; the others find nothing to delete and fail.
     */
    public String logout(SessionToken token) {
        String username = liveSession(token).username();
        int revoked = em.createNamedQuery(Session.REVOKE_LIVE)
                .setParameter("tokenHash", token.hash())
                .setParameter("now", clock.instant())
                .executeUpdate();
        if (revoked == 0) {
            throw InvalidTokenException.invalid();
        }
        return username;
    }

    /**
     * The token check that front ends make on every request: one primary-key read, and a write
     * only when the idle deadline has moved by more than auth.session.idle-refresh.
     */
    public SessionView check(SessionToken token) {
        Session session = liveSession(token);
        Instant now = clock.instant();
        Instant slid = earlierOf(now.plus(config.sessionIdleTimeout()), session.expiresAt());
        Instant idleExpiresAt = session.idleExpiresAt();
        if (Duration.between(idleExpiresAt, slid).compareTo(config.sessionIdleRefresh()) >= 0) {
            em.createNamedQuery(Session.SLIDE_IDLE_DEADLINE)
                    .setParameter("idleExpiresAt", slid)
                    .setParameter("tokenHash", session.tokenHash())
                    .executeUpdate();
            idleExpiresAt = slid;
        }
        return new SessionView(session.username(), session.createdAt(), session.expiresAt(), idleExpiresAt);
    }

    /** Revokes every session of the token's user, the presented one included; returns how many. */
    public int logoutAll(SessionToken token) {
        String username = liveSession(token).username();
        return em.createNamedQuery(Session.REVOKE_ALL_OF_USER).setParameter("username", username).executeUpdate();
    }

    /**
     * Replaces the password of the token's user and revokes the user's other sessions. A wrong
     * current password counts as a failed login for the throttle.
     */
    public String changePassword(SessionToken token, String currentPassword, String newPassword) {
        Session session = liveSession(token);
        Username username = Username.canonical(session.username());
        String current = PasswordPolicy.normalize(currentPassword);
        String replacement = PasswordPolicy.normalize(newPassword);
        passwordPolicy.check(username, replacement);
        hashingGate.run(() -> {
            throttle.beginAttempt(username.value());
            User user = em.find(User.class, username.value());
            if (!hasher.verify(current, user.passwordHash())) {
                throw InvalidCredentialsException.wrongCurrentPassword();
            }
            throttle.succeeded(username.value());
            user.changePasswordHash(hasher.hash(replacement));
            return user;
        });
        em.createNamedQuery(Session.REVOKE_OTHERS_OF_USER)
                .setParameter("username", username.value())
                .setParameter("keep", session.tokenHash())
                .executeUpdate();
        return username.value();
    }

    private Session liveSession(SessionToken token) {
        Session session = em.find(Session.class, token.hash());
        if (session == null || !session.isLiveAt(clock.instant())) {
            throw InvalidTokenException.invalid();
        }
        return session;
    }

    private static Instant earlierOf(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /**
     * The canonical username; for a name no account can have, the name as sent (bounded), so it
     * is throttled like any unknown name and its lookup simply finds nothing.
     */
    private static String throttleKey(String typedUsername) {
        try {
            return Username.canonical(typedUsername).value();
        } catch (InvalidRequestException noSuchAccountPossible) {
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
