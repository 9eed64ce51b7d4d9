package dev.authservice.auth.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A browser's sign-in whose password is proved and whose second factor is not yet: never a session
 * by itself. The browser holds a random token; this row holds only its hash, so that any instance
 * can finish the step another began.
 */
@Entity
@Table(name = "AUTH_PENDING_SIGN_IN")
@NamedQuery(
        name = PendingSignIn.TAKE_LIVE,
        query = "DELETE FROM PendingSignIn p WHERE p.tokenHash = :tokenHash AND p.expiresAt > :now")
@NamedQuery(name = PendingSignIn.DELETE_OF_USER, query = "DELETE FROM PendingSignIn p WHERE p.username = :username")
@NamedQuery(name = PendingSignIn.DELETE_EXPIRED, query = "DELETE FROM PendingSignIn p WHERE p.expiresAt <= :now")
public class PendingSignIn {

    /** Deletes the live row of a token: of two finishes of one sign-in, one deletes it. */
    public static final String TAKE_LIVE = "PendingSignIn.takeLive";

    public static final String DELETE_EXPIRED = "PendingSignIn.deleteExpired";

    public static final String DELETE_OF_USER = "PendingSignIn.deleteOfUser";

    @Id
    @Column(name = "TOKEN_HASH", length = 64)
    private String tokenHash;

    @Column(name = "USERNAME", nullable = false)
    private String username;

    @Column(name = "REDIRECT", length = 2048)
    private String redirect;

    /** SMALLINT 0 or 1: one column type that Derby and PostgreSQL bind alike. */
    @Column(name = "KEEP_SIGNED_IN", nullable = false)
    private short keepSignedIn;

    @Column(name = "EXPIRES_AT", nullable = false)
    private Instant expiresAt;

    /** {@link dev.authservice.accounts.entity.User#passwordStamp()} when the password was proved. */
    @Column(name = "PASSWORD_STAMP", nullable = false, length = 64)
    private String passwordStamp;

    protected PendingSignIn() {
        // for JPA
    }

    public PendingSignIn(
            String tokenHash,
            String username,
            String passwordStamp,
            String redirect,
            boolean keepSignedIn,
            Instant now,
            Duration lifetime) {
        this.tokenHash = tokenHash;
        this.username = username;
        this.passwordStamp = passwordStamp;
        this.redirect = redirect;
        this.keepSignedIn = (short) (keepSignedIn ? 1 : 0);
        this.expiresAt = now.plus(lifetime);
    }

    public boolean isLiveAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    public String tokenHash() {
        return tokenHash;
    }

    public String username() {
        return username;
    }

    public String passwordStamp() {
        return passwordStamp;
    }

    /** Where the browser goes once signed in, as allowed when the step began; null for the default. */
    public String redirect() {
        return redirect;
    }

    public boolean keepSignedIn() {
        return keepSignedIn != 0;
    }
}
