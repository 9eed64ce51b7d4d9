package dev.authservice.sessions.entity;

import dev.authservice.accounts.entity.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * A login session. Only the SHA-256 of its bearer token is kept, as the primary key, so a token
 * check is one primary-key lookup and a stolen database yields no usable token.
 *
 * <p>The idle deadline is never later than the absolute one: {@link #idleDeadline} is the only
 * place either is set. So a session is live exactly while its idle deadline is in the future, and
 * that one column (indexed) is what every query below means by live or expired.
 */
@Entity
@Table(name = "AUTH_SESSION")
@NamedQuery(
        name = Session.REVOKE_LIVE,
        query = "DELETE FROM Session s WHERE s.tokenHash = :tokenHash AND s.idleExpiresAt > :now")
@NamedQuery(name = Session.REVOKE_ALL_OF_USER, query = "DELETE FROM Session s WHERE s.username = :username")
@NamedQuery(
        name = Session.SET_EMAIL_OF_USER,
        query = "UPDATE Session s SET s.email = :email, s.emailVerified = :verified WHERE s.username = :username")
@NamedQuery(
        name = Session.SET_GROUPS_OF_USER,
        query = "UPDATE Session s SET s.groups = :groups WHERE s.username = :username")
@NamedQuery(
        name = Session.REVOKE_OTHERS_OF_USER,
        query = "DELETE FROM Session s WHERE s.username = :username AND s.tokenHash <> :keep")
@NamedQuery(
        name = Session.EXPIRED_TOKEN_HASHES,
        query = "SELECT s.tokenHash FROM Session s WHERE s.idleExpiresAt <= :now")
@NamedQuery(name = Session.DELETE_BY_TOKEN_HASHES, query = "DELETE FROM Session s WHERE s.tokenHash IN :tokenHashes")
@NamedQuery(name = Session.COUNT_LIVE, query = "SELECT COUNT(s) FROM Session s WHERE s.idleExpiresAt > :now")
@NamedQuery(
        name = Session.LIVE_COUNTS_OF_USERS,
        query = "SELECT s.username, COUNT(s) FROM Session s WHERE s.username IN :usernames"
                + " AND s.idleExpiresAt > :now GROUP BY s.username")
@NamedQuery(
        name = Session.LIVE_OF_USER,
        query = "SELECT s FROM Session s WHERE s.username = :username AND s.idleExpiresAt > :now ORDER BY s.createdAt")
@NamedQuery(
        name = Session.REVOKE_LIVE_BY_ID,
        query =
                "DELETE FROM Session s WHERE s.sessionId = :sessionId AND s.username = :username AND s.idleExpiresAt > :now")
@NamedQuery(
        name = Session.LIVE_BY_ID,
        query = "SELECT s FROM Session s WHERE s.sessionId = :sessionId AND s.idleExpiresAt > :now")
@NamedQuery(
        name = Session.LIVE_BY_ID_WITH_GRANT,
        query = "SELECT s FROM Session s, RefreshToken r WHERE s.sessionId = :sessionId AND s.idleExpiresAt > :now"
                + " AND r.family = :family AND r.rotated = 0 AND r.sessionId = s.sessionId")
@NamedQuery(
        name = Session.REVOKE_LIVE_BY_SESSION_ID,
        query = "DELETE FROM Session s WHERE s.sessionId = :sessionId AND s.idleExpiresAt > :now")
@NamedQuery(
        name = Session.LIVE_TOKEN_HASHES_OF_USER,
        query = "SELECT s.tokenHash FROM Session s WHERE s.username = :username AND s.idleExpiresAt > :now"
                + " ORDER BY s.createdAt, s.tokenHash")
@NamedQuery(
        name = Session.COUNT_LIVE_BY_ID,
        query = "SELECT COUNT(s) FROM Session s WHERE s.sessionId = :sessionId AND s.username = :username"
                + " AND s.idleExpiresAt > :now")
@NamedQuery(
        name = Session.SLIDE_IDLE_DEADLINE,
        query = "UPDATE Session s SET s.idleExpiresAt = :idleExpiresAt, s.lastUsedAt = :usedAt"
                + " WHERE s.tokenHash = :tokenHash AND s.idleExpiresAt < :idleExpiresAt")
public class Session {

    /** Deletes one live session; the affected row count says whether the token was live. */
    public static final String REVOKE_LIVE = "Session.revokeLive";

    public static final String REVOKE_ALL_OF_USER = "Session.revokeAllOfUser";
    public static final String REVOKE_OTHERS_OF_USER = "Session.revokeOthersOfUser";
    public static final String EXPIRED_TOKEN_HASHES = "Session.expiredTokenHashes";
    public static final String DELETE_BY_TOKEN_HASHES = "Session.deleteByTokenHashes";
    public static final String LIVE_COUNTS_OF_USERS = "Session.liveCountsOfUsers";
    public static final String SET_GROUPS_OF_USER = "Session.setGroupsOfUser";
    public static final String SET_EMAIL_OF_USER = "Session.setEmailOfUser";
    public static final String COUNT_LIVE = "Session.countLive";
    public static final String LIVE_OF_USER = "Session.liveOfUser";
    /** Deletes one live session of one user by its public identifier; the row count says whether it was one. */
    public static final String REVOKE_LIVE_BY_ID = "Session.revokeLiveById";

    public static final String COUNT_LIVE_BY_ID = "Session.countLiveById";
    /** The live session with a public id, whoever's: for the OpenID provider's grants. */
    public static final String LIVE_BY_ID = "Session.liveById";
    /** The same, only while the grant (refresh token family) has its current token: one read per access token. */
    public static final String LIVE_BY_ID_WITH_GRANT = "Session.liveByIdWithGrant";
    /** Deletes the live session with a public id: an application's sign-out. */
    public static final String REVOKE_LIVE_BY_SESSION_ID = "Session.revokeLiveBySessionId";
    /** Oldest first. */
    public static final String LIVE_TOKEN_HASHES_OF_USER = "Session.liveTokenHashesOfUser";
    /** Writes a slid idle deadline; never moves it back, so the later of two racing checks wins. */
    public static final String SLIDE_IDLE_DEADLINE = "Session.slideIdleDeadline";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int USER_AGENT_CHARS = 256;
    private static final int CLIENT_CHARS = 64;

    @Id
    @Column(name = "TOKEN_HASH", length = 64)
    private String tokenHash;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "USERNAME", nullable = false)
    private User user;

    /** The same column as {@link #user}'s key, read-only: a token check needs no join. */
    @Column(name = "USERNAME", insertable = false, updatable = false)
    private String username;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private Instant expiresAt;

    @Column(name = "IDLE_EXPIRES_AT", nullable = false)
    private Instant idleExpiresAt;

    /** What the user sees and names a session by: random, neither the token nor its hash. */
    @Column(name = "SESSION_ID", length = 22)
    private String sessionId;

    @Column(name = "CLIENT", length = CLIENT_CHARS)
    private String client;

    @Column(name = "USER_AGENT", length = USER_AGENT_CHARS)
    private String userAgent;

    /** Written when the idle deadline is, so it may lag by up to the idle refresh. */
    @Column(name = "LAST_USED_AT", nullable = false)
    private Instant lastUsedAt;

    /** 1 when its login proved a second factor as well as the password (SMALLINT, as for User). */
    @Column(name = "SECOND_FACTOR", nullable = false)
    private short secondFactor;

    /** How its sign-in was proved ({@link AuthMethods}); null for sessions from before schema version 11. */
    @Column(name = "AUTH_METHODS", length = 16)
    private String authMethods;

    /**
     * The user's groups, comma-joined (group names hold no comma): copied at login and rewritten
     * with every change of the user's groups, in that change's transaction, so the token check
     * reads them with the session and sees a change at once, on every instance.
     */
    /** SMALLINT 0 or 1: opened with a password that must be changed first; nothing else is allowed. */
    @Column(name = "PASSWORD_CHANGE_DUE", nullable = false)
    private short passwordChangeDue;

    @Column(name = "GROUP_NAMES", nullable = false, length = 4096)
    private String groups = "";

    /** The user's email address and whether it is verified, copied and rewritten as the groups are. */
    @Column(name = "EMAIL", length = 320)
    private String email;

    @Column(name = "EMAIL_VERIFIED", nullable = false)
    private short emailVerified;

    protected Session() {
        // for JPA
    }

    private Session(String tokenHash, User user, Instant now, Duration absolute) {
        this.tokenHash = tokenHash;
        this.user = user;
        this.username = user.username();
        this.createdAt = now;
        this.lastUsedAt = now;
        this.expiresAt = now.plus(absolute);
        this.sessionId = newSessionId();
    }

    /**
     * A new session of {@code user}, opened now from {@code client} with {@code userAgent}, stored
     * under the hash of its token.
     */
    public static Session open(
            String tokenHash,
            User user,
            Instant now,
            SessionLifetimes lifetimes,
            String client,
            String userAgent,
            AuthMethods methods) {
        Session session = new Session(tokenHash, user, now, lifetimes.absolute());
        session.secondFactor = (short) (methods.secondFactor() ? 1 : 0);
        session.authMethods = methods.column();
        session.groups = joined(user.groups());
        session.email = user.email() == null ? null : user.email().value();
        session.emailVerified = (short) (user.isEmailVerified() ? 1 : 0);
        session.passwordChangeDue = (short) (user.isPasswordChangeDue() ? 1 : 0);
        session.idleExpiresAt = session.idleDeadline(now, lifetimes);
        session.client = bounded(client, CLIENT_CHARS);
        session.userAgent = bounded(userAgent, USER_AGENT_CHARS);
        return session;
    }

    /** The user's groups as of the last change, in name order. */
    public List<String> groups() {
        return groups == null || groups.isEmpty() ? List.of() : List.of(groups.split(","));
    }

    /** The user's email address as of the last change, or null. */
    public String email() {
        return email;
    }

    public boolean isEmailVerified() {
        return email != null && emailVerified != 0;
    }

    /** The form the GROUP_NAMES column holds: names in order, joined by ','. */
    public static String joined(Collection<String> names) {
        return String.join(",", new TreeSet<>(names));
    }

    /** Whether the user must change the password before this session may do anything else. */
    public boolean isPasswordChangeDue() {
        return passwordChangeDue != 0;
    }

    /** The user changed the password through this session: it may do everything now. */
    public void passwordChanged() {
        passwordChangeDue = 0;
    }

    /** Whether its login proved a second factor, as administration requires by default. */
    public boolean openedWithSecondFactor() {
        return secondFactor != 0;
    }

    /** How its sign-in was proved. */
    public AuthMethods authMethods() {
        return AuthMethods.of(authMethods, secondFactor != 0);
    }

    public String sessionId() {
        return sessionId;
    }

    public String client() {
        return client;
    }

    public String userAgent() {
        return userAgent;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    /** 128 random bits, base64url: 22 characters. (The V5 migration gave older sessions ids of the same form.) */
    private static String newSessionId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What a client sent, cut to the column and without control characters. */
    private static String bounded(String text, int chars) {
        if (text == null) {
            return null;
        }
        String printable = text.codePoints()
                .filter(cp -> !Character.isISOControl(cp))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return printable.length() > chars ? printable.substring(0, chars) : printable;
    }

    public boolean isLiveAt(Instant now) {
        return now.isBefore(idleExpiresAt);
    }

    /**
     * A use of the session at {@code now}: the idle deadline slides forward, but only once it has
     * moved by at least the idle refresh, so most token checks write nothing. Returns whether it moved.
     */
    public boolean usedAt(Instant now, SessionLifetimes lifetimes) {
        Instant slid = idleDeadline(now, lifetimes);
        if (Duration.between(idleExpiresAt, slid).compareTo(lifetimes.idleRefresh()) >= 0) {
            idleExpiresAt = slid;
            lastUsedAt = now;
            return true;
        }
        return false;
    }

    /** How long the session stays valid from {@code now} if it is not used again. */
    public Duration remainingAt(Instant now) {
        return Duration.between(now, idleExpiresAt);
    }

    private Instant idleDeadline(Instant now, SessionLifetimes lifetimes) {
        Instant idle = now.plus(lifetimes.idle());
        return idle.isAfter(expiresAt) ? expiresAt : idle;
    }

    public String tokenHash() {
        return tokenHash;
    }

    public String username() {
        return username;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant idleExpiresAt() {
        return idleExpiresAt;
    }
}
