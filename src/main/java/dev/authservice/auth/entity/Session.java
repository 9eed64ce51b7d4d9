package dev.authservice.auth.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A login session. Only the SHA-256 of its bearer token is kept, as the primary key, so a token
 * check is one primary-key lookup and a stolen database yields no usable token.
 */
@Entity
@Table(name = "AUTH_SESSION")
@NamedQuery(name = Session.REVOKE_LIVE,
        query = "DELETE FROM Session s WHERE s.tokenHash = :tokenHash AND s.expiresAt > :now")
public class Session {

    /** Deletes one unexpired session; the affected row count says whether the token was live. */
    public static final String REVOKE_LIVE = "Session.revokeLive";

    @Id
    @Column(name = "TOKEN_HASH", length = 64)
    private String tokenHash;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "USERNAME", nullable = false)
    private User user;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private Instant expiresAt;

    protected Session() {
        // for JPA
    }

    public Session(String tokenHash, User user, Instant createdAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.user = user;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public String tokenHash() {
        return tokenHash;
    }

    public User user() {
        return user;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
