package dev.authservice.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An account: its canonical username (the primary key, so the database decides uniqueness), its
 * password hash, and its second factor: a sealed TOTP secret once confirmed, one waiting for
 * confirmation, and the last time step that was used, so that no code is taken twice.
 */
@Entity
@Table(name = "AUTH_USER")
public class User {

    @Id
    @Column(name = "USERNAME", length = 256)
    private String username;

    @Column(name = "PASSWORD_HASH", nullable = false, length = 512)
    private String passwordHash;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "TOTP_SECRET", length = 256)
    private String totpSecret;

    @Column(name = "TOTP_PENDING", length = 256)
    private String totpPending;

    @Column(name = "TOTP_LAST_STEP", nullable = false)
    private long totpLastStep;

    protected User() {
        // for JPA
    }

    public User(String username, String passwordHash, Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
    }

    public boolean hasSecondFactor() {
        return totpSecret != null;
    }

    /** The sealed secret of the active second factor, or null. */
    public String totpSecret() {
        return totpSecret;
    }

    /** The sealed secret waiting for its first code, or null. */
    public String totpPending() {
        return totpPending;
    }

    public long totpLastStep() {
        return totpLastStep;
    }

    /** A new secret to confirm; it replaces one not yet confirmed, and changes nothing for login. */
    public void beginTotpEnrolment(String sealedSecret) {
        this.totpPending = sealedSecret;
    }

    /** The pending secret becomes the second factor; {@code step} is the one its first code came from. */
    public void confirmTotp(long step) {
        this.totpSecret = totpPending;
        this.totpPending = null;
        this.totpLastStep = step;
    }

    /** A code of {@code step} was taken; it and every earlier step are spent. */
    public void totpUsedAt(long step) {
        this.totpLastStep = step;
    }

    public void disableTotp() {
        this.totpSecret = null;
        this.totpPending = null;
        this.totpLastStep = 0;
    }
}
