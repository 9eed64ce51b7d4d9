package dev.authservice.oidc.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An authorization code, kept as its SHA-256: what the person approved (client, redirect URI,
 * scope, nonce, PKCE challenge), in which portal session, and the family the tokens it leads to
 * will carry. Redeemed at most once; kept until it expires, so that a second redemption finds the
 * family to end.
 */
@Entity
@Table(name = "AUTH_OIDC_CODE")
@NamedQuery(
        name = AuthorizationCode.REDEEM,
        query = "UPDATE AuthorizationCode c SET c.redeemed = 1 WHERE c.codeHash = :codeHash AND c.redeemed = 0")
@NamedQuery(name = AuthorizationCode.DELETE_EXPIRED, query = "DELETE FROM AuthorizationCode c WHERE c.expiresAt < :now")
public class AuthorizationCode {

    /** Of two redemptions at once, exactly one changes the row. */
    public static final String REDEEM = "AuthorizationCode.redeem";

    public static final String DELETE_EXPIRED = "AuthorizationCode.deleteExpired";

    @Id
    @Column(name = "CODE_HASH", length = 64)
    private String codeHash;

    @Column(name = "CLIENT_ID", nullable = false, length = 64)
    private String clientId;

    @Column(name = "REDIRECT_URI", nullable = false, length = 2048)
    private String redirectUri;

    @Column(name = "SESSION_ID", nullable = false, length = 22)
    private String sessionId;

    @Column(name = "USERNAME", nullable = false, length = 256)
    private String username;

    @Column(name = "SCOPE", nullable = false, length = 512)
    private String scope;

    @Column(name = "NONCE", length = 512)
    private String nonce;

    @Column(name = "CODE_CHALLENGE", length = 128)
    private String codeChallenge;

    @Column(name = "FAMILY", nullable = false, length = 22)
    private String family;

    @Column(name = "REDEEMED", nullable = false)
    private short redeemed;

    @Column(name = "EXPIRES_AT", nullable = false)
    private Instant expiresAt;

    protected AuthorizationCode() {
        // for JPA
    }

    public AuthorizationCode(
            String codeHash,
            String clientId,
            String redirectUri,
            String sessionId,
            String username,
            String scope,
            String nonce,
            String codeChallenge,
            String family,
            Instant expiresAt) {
        this.codeHash = codeHash;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
        this.sessionId = sessionId;
        this.username = username;
        this.scope = scope;
        this.nonce = nonce;
        this.codeChallenge = codeChallenge;
        this.family = family;
        this.expiresAt = expiresAt;
    }

    public String clientId() {
        return clientId;
    }

    public String redirectUri() {
        return redirectUri;
    }

    public String sessionId() {
        return sessionId;
    }

    public String username() {
        return username;
    }

    public String scope() {
        return scope;
    }

    public String nonce() {
        return nonce;
    }

    public String codeChallenge() {
        return codeChallenge;
    }

    public String family() {
        return family;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
