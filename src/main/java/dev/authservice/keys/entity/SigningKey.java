package dev.authservice.keys.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A key that signs OpenID Connect tokens: its public JWK as published, and the whole JWK (the
 * private half) only sealed. Generations count up; the newest signs, and older ones stay published
 * until what they signed has expired.
 */
@Entity
@Table(name = "AUTH_SIGNING_KEY")
@NamedQuery(name = SigningKey.ALL, query = "SELECT k FROM SigningKey k ORDER BY k.generation DESC")
public class SigningKey {

    /** Newest first. */
    public static final String ALL = "SigningKey.all";

    @Id
    @Column(name = "GENERATION")
    private int generation;

    @Column(name = "KID", nullable = false, length = 64)
    private String kid;

    @Column(name = "ALGORITHM", nullable = false, length = 16)
    private String algorithm;

    @Column(name = "PUBLIC_JWK", nullable = false, length = 2048)
    private String publicJwk;

    @Column(name = "SEALED_JWK", nullable = false, length = 8192)
    private String sealedJwk;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    protected SigningKey() {
        // for JPA
    }

    public SigningKey(
            int generation, String kid, String algorithm, String publicJwk, String sealedJwk, Instant createdAt) {
        this.generation = generation;
        this.kid = kid;
        this.algorithm = algorithm;
        this.publicJwk = publicJwk;
        this.sealedJwk = sealedJwk;
        this.createdAt = createdAt;
    }

    public int generation() {
        return generation;
    }

    public String kid() {
        return kid;
    }

    public String algorithm() {
        return algorithm;
    }

    public String publicJwk() {
        return publicJwk;
    }

    public String sealedJwk() {
        return sealedJwk;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
