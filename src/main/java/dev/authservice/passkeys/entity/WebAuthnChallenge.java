package dev.authservice.passkeys.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A challenge the service gave one ceremony: usable once, until its deadline, for that ceremony
 * and (except for a sign-in with a passkey alone) that account.
 */
@Entity
@Table(name = "AUTH_WEBAUTHN_CHALLENGE")
@NamedQuery(name = WebAuthnChallenge.TAKE, query = "DELETE FROM WebAuthnChallenge c WHERE c.challengeHash = :hash")
@NamedQuery(
        name = WebAuthnChallenge.COUNT_OF_CEREMONY,
        query = "SELECT COUNT(c) FROM WebAuthnChallenge c WHERE c.ceremony = :ceremony")
@NamedQuery(
        name = WebAuthnChallenge.DELETE_OF_USER,
        query = "DELETE FROM WebAuthnChallenge c WHERE c.username = :username")
@NamedQuery(
        name = WebAuthnChallenge.DELETE_EXPIRED,
        query = "DELETE FROM WebAuthnChallenge c WHERE c.expiresAt <= :now")
public class WebAuthnChallenge {

    public static final String TAKE = "WebAuthnChallenge.take";
    public static final String DELETE_EXPIRED = "WebAuthnChallenge.deleteExpired";
    public static final String DELETE_OF_USER = "WebAuthnChallenge.deleteOfUser";
    public static final String COUNT_OF_CEREMONY = "WebAuthnChallenge.countOfCeremony";

    /** What a challenge was issued for; one kind never finishes another. */
    public enum Ceremony {
        REGISTRATION,
        /** The second step of a sign-in whose password is proved. */
        SECOND_FACTOR,
        /** A sign-in with a discoverable passkey alone. */
        SIGN_IN
    }

    /** SHA-256 (hex) of the challenge's bytes. */
    @Id
    @Column(name = "CHALLENGE_HASH", length = 64)
    private String challengeHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "CEREMONY", nullable = false, length = 16)
    private Ceremony ceremony;

    /** Whose ceremony; null for a sign-in with a passkey alone, where the passkey says whose. */
    @Column(name = "USERNAME")
    private String username;

    @Column(name = "EXPIRES_AT", nullable = false)
    private Instant expiresAt;

    protected WebAuthnChallenge() {
        // for JPA
    }

    public WebAuthnChallenge(String challengeHash, Ceremony ceremony, String username, Instant expiresAt) {
        this.challengeHash = challengeHash;
        this.ceremony = ceremony;
        this.username = username;
        this.expiresAt = expiresAt;
    }

    /** Whether this challenge may finish {@code expected} for {@code expectedUsername} (null: anyone's) now. */
    public boolean admits(Ceremony expected, String expectedUsername, Instant now) {
        return ceremony == expected
                && now.isBefore(expiresAt)
                && (expectedUsername == null || expectedUsername.equals(username));
    }

    public String username() {
        return username;
    }
}
