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
import dev.authservice.auth.control.InvalidCredentialsException;
import dev.authservice.auth.control.InvalidRequestException;
import dev.authservice.auth.control.InvalidTokenException;
import dev.authservice.auth.control.IssuedSession;
import dev.authservice.auth.control.LoginThrottle;
import dev.authservice.auth.control.PasswordHasher;
import dev.authservice.auth.control.PasswordPolicy;
import dev.authservice.auth.control.SessionToken;
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
        if (em.find(User.class, username.value()) != null) {
            throw new UsernameTakenException();
        }
        User user = new User(username.value(), hasher.hash(password), clock.instant());
        try {
            em.persist(user);
            em.flush();
        } catch (PersistenceException e) {
            if (isConstraintViolation(e)) {
                throw new UsernameTakenException();
            }
            throw e;
        }
        return user.username();
    }

    /**
     * Unknown names, names no account could have, and wrong passwords all cost one PBKDF2
     * verification at the current parameters and fail alike; all are throttled alike.
     */
    public IssuedSession login(Credentials credentials) {
        String throttleKey = throttleKey(credentials.username());
        throttle.beginAttempt(throttleKey);
        String password = PasswordPolicy.normalize(credentials.password());
        User user = em.find(User.class, throttleKey);
        boolean verified = user == null
                ? hasher.verifyAgainstDummy(password)
                : hasher.verify(password, user.passwordHash());
        if (!verified) {
            throw new InvalidCredentialsException();
        }
        throttle.succeeded(throttleKey);
        if (hasher.needsRehash(user.passwordHash())) {
            user.changePasswordHash(hasher.hash(password));
        }
        Instant now = clock.instant();
        Duration lifetime = config.sessionAbsoluteTimeout();
        SessionToken token = SessionToken.generate();
        em.persist(new Session(token.hash(), user, now, now.plus(lifetime)));
        return new IssuedSession(token, lifetime);
    }

    /** Revokes one live session. Of simultaneous logouts with one token, exactly one deletes the row. */
    public void logout(SessionToken token) {
        int revoked = em.createNamedQuery(Session.REVOKE_LIVE)
                .setParameter("tokenHash", token.hash())
                .setParameter("now", clock.instant())
                .executeUpdate();
        if (revoked == 0) {
            throw InvalidTokenException.invalid();
        }
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
