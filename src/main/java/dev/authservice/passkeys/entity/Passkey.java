package dev.authservice.passkeys.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A passkey a person registered: the public half of a key pair their authenticator keeps. Nothing
 * here is secret; what proves a sign-in is the authenticator's signature over a fresh challenge.
 */
@Entity
@Table(name = "AUTH_PASSKEY")
@NamedQuery(name = Passkey.OF_USER, query = "SELECT p FROM Passkey p WHERE p.username = :username ORDER BY p.createdAt")
@NamedQuery(name = Passkey.DELETE_ALL_OF_USER, query = "DELETE FROM Passkey p WHERE p.username = :username")
public class Passkey {

    public static final String OF_USER = "Passkey.ofUser";
    public static final String DELETE_ALL_OF_USER = "Passkey.deleteAllOfUser";

    /** Longest name a person may give a passkey. */
    public static final int MAX_NAME_LENGTH = 64;

    /** SHA-256 (hex) of the credential id: the passkey's id in URLs and the API. */
    @Id
    @Column(name = "ID", length = 64)
    private String id;

    /** base64url, as the browser names it in allowCredentials and excludeCredentials. */
    @Column(name = "CREDENTIAL_ID", nullable = false, length = 1400)
    private String credentialId;

    @Column(name = "USERNAME", nullable = false)
    private String username;

    /** base64url: the account's user handle when the passkey was made. */
    @Column(name = "USER_HANDLE", nullable = false, length = 64)
    private String userHandle;

    /** base64url of the COSE_Key. */
    @Column(name = "PUBLIC_KEY", nullable = false, length = 2048)
    private String publicKey;

    @Column(name = "SIGN_COUNT", nullable = false)
    private long signCount;

    /** Comma-separated, as the browser reported them; may be empty. */
    @Column(name = "TRANSPORTS", nullable = false, length = 256)
    private String transports;

    @Column(name = "NAME", nullable = false, length = MAX_NAME_LENGTH)
    private String name;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "LAST_USED_AT")
    private Instant lastUsedAt;

    protected Passkey() {
        // for JPA
    }

    public Passkey(
            String id,
            String credentialId,
            String username,
            String userHandle,
            String publicKey,
            long signCount,
            String transports,
            String name,
            Instant createdAt) {
        this.id = id;
        this.credentialId = credentialId;
        this.username = username;
        this.userHandle = userHandle;
        this.publicKey = publicKey;
        this.signCount = signCount;
        this.transports = transports;
        this.name = name;
        this.createdAt = createdAt;
    }

    /** An assertion with this counter was verified now. */
    public void usedAt(Instant now, long newSignCount) {
        this.lastUsedAt = now;
        this.signCount = newSignCount;
    }

    public void rename(String newName) {
        this.name = newName;
    }

    public String id() {
        return id;
    }

    public String credentialId() {
        return credentialId;
    }

    public String username() {
        return username;
    }

    public String userHandle() {
        return userHandle;
    }

    public String publicKey() {
        return publicKey;
    }

    public long signCount() {
        return signCount;
    }

    public String transports() {
        return transports;
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }
}
