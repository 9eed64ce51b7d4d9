package dev.authservice.sessions.control;

import dev.authservice.accounts.entity.User;
import dev.authservice.audit.entity.Client;
import dev.authservice.devices.control.DeviceNames;
import dev.authservice.metrics.control.AuthMetrics;
import dev.authservice.refusal.Refusal;
import dev.authservice.sessions.entity.AuthMethods;
import dev.authservice.sessions.entity.Session;
import dev.authservice.sessions.entity.SessionToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every read and write of the session table: opening, checking, revoking, purging, counting. The
 * rules of one session (deadlines, sliding, liveness) are {@link Session}'s own.
 */
@ApplicationScoped
public class Sessions {

    @PersistenceContext
    EntityManager em;

    @Inject
    DeviceNames devices;

    @Inject
    Clock clock;

    @Inject
    SessionSettings settings;

    @Inject
    IdleDeadlines idleDeadlines;

    @Inject
    RefreshTokens refreshTokens;

    /**
     * Opens a session for {@code user} under a new token; the token is shown to the client once.
     * {@code methods} records how the login was proved.
     */
    public IssuedSession open(User user, Client client, AuthMethods methods) {
        Instant now = clock.instant();
        endOldestBeyondTheBound(user.username(), now);
        SessionToken token = SessionToken.generate();
        Session session = Session.open(
                token.hash(), user, now, settings.lifetimes(), client.address(), client.userAgent(), methods);
        em.persist(session);
        return new IssuedSession(
                user.username(), token, session.remainingAt(now), Duration.between(now, session.expiresAt()));
    }

    /**
     * Makes room for one more session of the user within auth.session.max-per-user by ending the
     * oldest, so that no account can grow the table, or its own list, without bound. Logins of one
     * user run under that user's row lock, so two cannot both find room.
     */
    private void endOldestBeyondTheBound(String username, Instant now) {
        List<String> live = em.createNamedQuery(Session.LIVE_TOKEN_HASHES_OF_USER, String.class)
                .setParameter("username", username)
                .setParameter("now", now)
                .getResultList();
        int excess = live.size() - (settings.maxPerUser() - 1);
        if (excess > 0) {
            em.createNamedQuery(Session.DELETE_BY_TOKEN_HASHES)
                    .setParameter("tokenHashes", live.subList(0, excess))
                    .executeUpdate();
        }
    }

    /**
     * The live session of this token, or a token-invalid {@link Refusal}; a forbidden one while its
     * password must be changed first (see {@link #liveBeforePasswordChange}).
     */
    public Session live(SessionToken token) {
        Session session = liveBeforePasswordChange(token);
        if (session.isPasswordChangeDue()) {
            throw Refusal.passwordChangeRequired();
        }
        return session;
    }

    /**
     * The live session of this token even while its password must be changed first: for the few
     * use cases such a session may make (change the password, see the account page, sign out).
     */
    public Session liveBeforePasswordChange(SessionToken token) {
        Session session = em.find(Session.class, token.hash());
        if (session == null || !session.isLiveAt(clock.instant())) {
            throw Refusal.tokenInvalid();
        }
        return session;
    }

    /**
     * The token check that front ends make on every request: one primary-key read, outside any
     * transaction when the caller has none. Only when the idle deadline has moved by at least
     * auth.session.idle-refresh does a short transaction of its own write it.
     */
    public SessionView check(SessionToken token) {
        Session session = live(token);
        if (session.usedAt(clock.instant(), settings.lifetimes())) {
            idleDeadlines.write(session);
        }
        return new SessionView(
                session.username(),
                session.createdAt(),
                session.expiresAt(),
                session.idleExpiresAt(),
                session.groups(),
                session.email(),
                session.isEmailVerified());
    }

    /**
     * The live session of a browser's cookie for the OpenID provider, checked (and its idle
     * deadline slid) as {@link #check} does; a token-invalid refusal if none.
     */
    public SignedInSession signedIn(SessionToken token) {
        Session session = live(token);
        slide(session);
        return signedIn(session);
    }

    /**
     * The live session with this public id, for a token grant: a refresh slides it, as an
     * application's use keeps its person signed in. A token-invalid refusal if it has ended.
     */
    public SignedInSession signedInById(String sessionId) {
        List<Session> found = em.createNamedQuery(Session.LIVE_BY_ID, Session.class)
                .setParameter("sessionId", sessionId)
                .setParameter("now", clock.instant())
                .getResultList();
        if (found.isEmpty() || found.get(0).isPasswordChangeDue()) {
            throw Refusal.tokenInvalid();
        }
        slide(found.get(0));
        return signedIn(found.get(0));
    }

    /**
     * The live session with this public id while the grant {@code family} is live too: one read,
     * for every access token a relying party presents. Empty if either has ended; slides the session.
     */
    public Optional<SignedInSession> signedInWithGrant(String sessionId, String family) {
        List<Session> found = em.createNamedQuery(Session.LIVE_BY_ID_WITH_GRANT, Session.class)
                .setParameter("sessionId", sessionId)
                .setParameter("family", family)
                .setParameter("now", clock.instant())
                .getResultList();
        if (found.isEmpty() || found.get(0).isPasswordChangeDue()) {
            return Optional.empty();
        }
        slide(found.get(0));
        return Optional.of(signedIn(found.get(0)));
    }

    /** Ends the live session with this public id, and its refresh tokens; false if there was none. */
    public boolean revokeById(String sessionId) {
        refreshTokens.endOfSession(sessionId);
        return em.createNamedQuery(Session.REVOKE_LIVE_BY_SESSION_ID)
                        .setParameter("sessionId", sessionId)
                        .setParameter("now", clock.instant())
                        .executeUpdate()
                > 0;
    }

    private void slide(Session session) {
        if (session.usedAt(clock.instant(), settings.lifetimes())) {
            idleDeadlines.write(session);
        }
    }

    private static SignedInSession signedIn(Session session) {
        return new SignedInSession(
                session.sessionId(),
                session.username(),
                session.createdAt(),
                session.authMethods().amr(),
                session.groups(),
                session.email(),
                session.isEmailVerified());
    }

    /**
     * Revokes one live session and returns its user. Of simultaneous logouts with one token,
     * exactly one deletes the row; the others find nothing to delete and are refused.
     */
    public String revoke(SessionToken token) {
        Session session = liveBeforePasswordChange(token);
        String username = session.username();
        refreshTokens.endOfSession(session.sessionId());
        int revoked = em.createNamedQuery(Session.REVOKE_LIVE)
                .setParameter("tokenHash", token.hash())
                .setParameter("now", clock.instant())
                .executeUpdate();
        if (revoked == 0) {
            throw Refusal.tokenInvalid();
        }
        return username;
    }

    /** Writes the user's new groups into every session of the user: the next check sees them. */
    public void setGroupsOf(String username, Collection<String> groups) {
        em.createNamedQuery(Session.SET_GROUPS_OF_USER)
                .setParameter("groups", Session.joined(groups))
                .setParameter("username", username)
                .executeUpdate();
    }

    /** Writes the user's email address into every session of the user, as {@link #setGroupsOf} does the groups. */
    public void setEmailOf(String username, String email, boolean verified) {
        em.createNamedQuery(Session.SET_EMAIL_OF_USER)
                .setParameter("email", email)
                .setParameter("verified", (short) (verified ? 1 : 0))
                .setParameter("username", username)
                .executeUpdate();
    }

    /** How many live sessions each of these users has (absent: none). */
    public Map<String, Long> liveCounts(Collection<String> usernames) {
        Map<String, Long> counts = new HashMap<>();
        if (usernames.isEmpty()) {
            return counts;
        }
        for (Object[] row : em.createNamedQuery(Session.LIVE_COUNTS_OF_USERS, Object[].class)
                .setParameter("usernames", usernames)
                .setParameter("now", clock.instant())
                .getResultList()) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** Revokes every session of the user; returns how many. */
    public int revokeAllOf(String username) {
        return em.createNamedQuery(Session.REVOKE_ALL_OF_USER)
                .setParameter("username", username)
                .executeUpdate();
    }

    /** Every live session of the user, oldest first; {@code current} marks the one asking. */
    public List<SessionSummary> liveOf(String username, Session current) {
        return em
                .createNamedQuery(Session.LIVE_OF_USER, Session.class)
                .setParameter("username", username)
                .setParameter("now", clock.instant())
                .getResultList()
                .stream()
                .map(s -> new SessionSummary(
                        s.sessionId(),
                        s.createdAt(),
                        s.lastUsedAt(),
                        s.expiresAt(),
                        s.idleExpiresAt(),
                        s.client(),
                        s.userAgent(),
                        devices.of(s.userAgent()),
                        current != null && s.tokenHash().equals(current.tokenHash())))
                .toList();
    }

    /** A not-found refusal unless the user has a live session with this public identifier. */
    public void requireLiveOf(String username, String sessionId) {
        long live = em.createNamedQuery(Session.COUNT_LIVE_BY_ID, Long.class)
                .setParameter("sessionId", sessionId)
                .setParameter("username", username)
                .setParameter("now", clock.instant())
                .getSingleResult();
        if (live == 0) {
            throw Refusal.notFound("There is no live session of yours with that id.");
        }
    }

    /** Revokes the user's live session with this public identifier; a not-found refusal if there is none. */
    public void revokeById(String username, String sessionId) {
        refreshTokens.endOfSession(sessionId);
        int revoked = em.createNamedQuery(Session.REVOKE_LIVE_BY_ID)
                .setParameter("sessionId", sessionId)
                .setParameter("username", username)
                .setParameter("now", clock.instant())
                .executeUpdate();
        if (revoked == 0) {
            throw Refusal.notFound("There is no live session of yours with that id.");
        }
    }

    /** Revokes every session of the user but {@code keep}; returns how many. */
    public int revokeOthersOf(String username, Session keep) {
        return em.createNamedQuery(Session.REVOKE_OTHERS_OF_USER)
                .setParameter("username", username)
                .setParameter("keep", keep.tokenHash())
                .executeUpdate();
    }

    /** Deletes at most {@code limit} expired sessions in a transaction of its own; returns how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgeExpired(int limit) {
        List<String> expired = em.createNamedQuery(Session.EXPIRED_TOKEN_HASHES, String.class)
                .setParameter("now", clock.instant())
                .setMaxResults(limit)
                .getResultList();
        if (expired.isEmpty()) {
            return 0;
        }
        return em.createNamedQuery(Session.DELETE_BY_TOKEN_HASHES)
                .setParameter("tokenHashes", expired)
                .executeUpdate();
    }

    /** At deployment: the gauge of live sessions, read whenever metrics are. */
    void registerGauge(@Observes @Initialized(ApplicationScoped.class) Object deployed, AuthMetrics metrics) {
        metrics.gauge("auth.sessions.live", "Sessions that are live now", this::countLive);
    }

    public long countLive() {
        return em.createNamedQuery(Session.COUNT_LIVE, Long.class)
                .setParameter("now", clock.instant())
                .getSingleResult();
    }
}
