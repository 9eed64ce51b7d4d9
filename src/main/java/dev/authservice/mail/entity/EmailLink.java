package dev.authservice.mail.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A link sent by email, stored under the SHA-256 of its token: for whom, to which address, and
 * the password it was sent under ({@code passwordStamp}), so that a reset link dies when the
 * password changes by any other way. A reset that needs the second factor notes here that it was
 * proved.
 */
@Entity
@Table(name = "AUTH_EMAIL_LINK")
@NamedQuery(name = EmailLink.EXPIRED, query = "DELETE FROM EmailLink l WHERE l.expiresAt <= :now")
@NamedQuery(
        name = EmailLink.LIVE_OF_USER,
        query = "SELECT COUNT(l) FROM EmailLink l WHERE l.username = :username AND l.purpose = :purpose"
                + " AND l.expiresAt > :now")
@NamedQuery(name = EmailLink.OF_USER, query = "DELETE FROM EmailLink l WHERE l.username = :username")
@NamedQuery(
        name = EmailLink.OF_USER_FOR,
        query = "DELETE FROM EmailLink l WHERE l.username = :username AND l.purpose = :purpose")
public class EmailLink {

    public static final String EXPIRED = "EmailLink.expired";
    public static final String LIVE_OF_USER = "EmailLink.liveOfUser";
    public static final String OF_USER = "EmailLink.ofUser";
    public static final String OF_USER_FOR = "EmailLink.ofUserFor";

    /** What opening the link does. */
    public enum Purpose {
        PASSWORD_RESET,
        ADDRESS_VERIFICATION
    }

    @Id
    @Column(name = "TOKEN_HASH", length = 64)
    private String tokenHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "PURPOSE", nullable = false, length = 32)
    private Purpose purpose;

    @Column(name = "USERNAME", nullable = false, length = 256)
    private String username;

    @Column(name = "ADDRESS", nullable = false, length = 320)
    private String address;

    @Column(name = "PASSWORD_STAMP", nullable = false, length = 64)
    private String passwordStamp;

    @Column(name = "EXPIRES_AT", nullable = false)
    private Instant expiresAt;

    @Column(name = "PROVED", nullable = false)
    private short proved;

    protected EmailLink() {
        // for JPA
    }

    public EmailLink(
            String tokenHash,
            Purpose purpose,
            String username,
            String address,
            String passwordStamp,
            Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.purpose = purpose;
        this.username = username;
        this.address = address;
        this.passwordStamp = passwordStamp;
        this.expiresAt = expiresAt;
    }

    public Purpose purpose() {
        return purpose;
    }

    public String username() {
        return username;
    }

    public String address() {
        return address;
    }

    public String passwordStamp() {
        return passwordStamp;
    }

    public boolean isLiveAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    /** Whether the account's second factor was proved on this link's page. */
    public boolean isProved() {
        return proved != 0;
    }

    public void proved() {
        proved = 1;
    }
}
