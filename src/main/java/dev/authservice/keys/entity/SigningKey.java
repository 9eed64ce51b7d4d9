package dev.authservice.keys.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A generation of the keys that sign OpenID Connect tokens, an RSA key (RS256) and an EC P-256 key
 * (ES256): each one's public JWK as published, and the whole JWK (the private half) only sealed. Generations count up; the newest signs, and older ones stay published
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

    @Column(name = "EC_KID", length = 64)
    private String ecKid;

    @Column(name = "EC_PUBLIC_JWK", length = 1024)
    private String ecPublicJwk;

    @Column(name = "EC_SEALED_JWK", length = 4096)
    private String ecSealedJwk;

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

    /**
     * The generation's EC P-256 key (ES256) beside its RSA key; a generation stored before ES256
     * was offered gets one when next read (SigningKeyRows#addEcKey).
     */
    public SigningKey withEcKey(String kid, String publicJwk, String sealedJwk) {
        this.ecKid = kid;
        this.ecPublicJwk = publicJwk;
        this.ecSealedJwk = sealedJwk;
        return this;
    }

    public boolean hasEcKey() {
        return ecKid != null;
    }

    public String ecKid() {
        return ecKid;
    }

    public String ecPublicJwk() {
        return ecPublicJwk;
    }

    public String ecSealedJwk() {
        return ecSealedJwk;
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
