package dev.authservice.sessions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/**
 * An OpenID Connect refresh token, kept as the SHA-256 of the token as a session is. It belongs to
 * the portal session that signed the person in (and lives only while that session does) and to a
 * family: the tokens one authorization code led to, each the rotation of the one before.
 */
@Entity
@Table(name = "AUTH_REFRESH_TOKEN")
@NamedQuery(
        name = RefreshToken.ROTATE,
        query = "UPDATE RefreshToken r SET r.rotated = 1 WHERE r.tokenHash = :tokenHash AND r.rotated = 0")
@NamedQuery(
        name = RefreshToken.FORGET_ROTATED_OF_FAMILY,
        query = "DELETE FROM RefreshToken r WHERE r.family = :family AND r.rotated = 1 AND r.tokenHash <> :keep")
@NamedQuery(name = RefreshToken.END_FAMILY, query = "DELETE FROM RefreshToken r WHERE r.family = :family")
@NamedQuery(name = RefreshToken.END_OF_SESSION, query = "DELETE FROM RefreshToken r WHERE r.sessionId = :sessionId")
@NamedQuery(name = RefreshToken.END_OF_USER, query = "DELETE FROM RefreshToken r WHERE r.username = :username")
@NamedQuery(name = RefreshToken.END_OF_CLIENT, query = "DELETE FROM RefreshToken r WHERE r.clientId = :clientId")
@NamedQuery(
        name = RefreshToken.COUNT_OF_FAMILY,
        query = "SELECT COUNT(r) FROM RefreshToken r WHERE r.family = :family AND r.rotated = 0")
@NamedQuery(
        name = RefreshToken.ORPHANS,
        query = "SELECT r.tokenHash FROM RefreshToken r"
                + " WHERE NOT EXISTS (SELECT s.sessionId FROM Session s WHERE s.sessionId = r.sessionId)")
@NamedQuery(name = RefreshToken.DELETE_BY_HASHES, query = "DELETE FROM RefreshToken r WHERE r.tokenHash IN :hashes")
public class RefreshToken {

    /** Marks a token rotated; of two uses at once, exactly one changes the row. */
    public static final String ROTATE = "RefreshToken.rotate";

    /** Keeps a family to its current token and the one rotated last (whose reuse is what theft looks like). */
    public static final String FORGET_ROTATED_OF_FAMILY = "RefreshToken.forgetRotatedOfFamily";

    public static final String END_FAMILY = "RefreshToken.endFamily";
    public static final String END_OF_SESSION = "RefreshToken.endOfSession";
    public static final String END_OF_USER = "RefreshToken.endOfUser";
    public static final String END_OF_CLIENT = "RefreshToken.endOfClient";
    /** Whether a family still has its current token: the access tokens it led to count only while it does. */
    public static final String COUNT_OF_FAMILY = "RefreshToken.countOfFamily";
    /** The tokens whose session has ended, for the purge. */
    public static final String ORPHANS = "RefreshToken.orphans";

    public static final String DELETE_BY_HASHES = "RefreshToken.deleteByHashes";

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @Column(name = "TOKEN_HASH", length = 64)
    private String tokenHash;

    @Column(name = "FAMILY", nullable = false, length = 22)
    private String family;

    @Column(name = "SESSION_ID", nullable = false, length = 22)
    private String sessionId;

    @Column(name = "USERNAME", nullable = false, length = 256)
    private String username;

    @Column(name = "CLIENT_ID", nullable = false, length = 64)
    private String clientId;

    @Column(name = "SCOPE", nullable = false, length = 512)
    private String scope;

    @Column(name = "ROTATED", nullable = false)
    private short rotated;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    protected RefreshToken() {
        // for JPA
    }

    public RefreshToken(
            String tokenHash,
            String family,
            String sessionId,
            String username,
            String clientId,
            String scope,
            Instant createdAt) {
        this.tokenHash = tokenHash;
        this.family = family;
        this.sessionId = sessionId;
        this.username = username;
        this.clientId = clientId;
        this.scope = scope;
        this.createdAt = createdAt;
    }

    /** A new family's name: 128 random bits, base64url. */
    public static String newFamily() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String tokenHash() {
        return tokenHash;
    }

    public String family() {
        return family;
    }

    public String sessionId() {
        return sessionId;
    }

    public String username() {
        return username;
    }

    public String clientId() {
        return clientId;
    }

    public String scope() {
        return scope;
    }

    public boolean isRotated() {
        return rotated != 0;
    }
}
