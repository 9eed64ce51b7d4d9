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
import dev.authservice.auth.control.InvalidTokenException;
import dev.authservice.auth.control.IssuedSession;
import dev.authservice.auth.control.PasswordHasher;
import dev.authservice.auth.control.SessionToken;
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
    AuthConfig config;

    private final Clock clock = Clock.systemUTC();

    /**
     * Creates the account. The lookup only spares the hashing work and a logged constraint error
     * in the common case; of simultaneous registrations, the primary key decides.
     */
    public String register(Credentials credentials) {
        if (em.find(User.class, credentials.username()) != null) {
            throw new UsernameTakenException();
        }
        String passwordHash = hasher.hash(credentials.password());
        User user = new User(credentials.username(), passwordHash, clock.instant());
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

    public IssuedSession login(Credentials credentials) {
        User user = em.find(User.class, credentials.username());
        boolean verified = user == null
                ? hasher.verifyAgainstDummy(credentials.password())
                : hasher.verify(credentials.password(), user.passwordHash());
        if (!verified) {
            throw new InvalidCredentialsException();
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
