package dev.authservice.mail.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One message in the outbox, written in the transaction of the work it tells of. A notice carries
 * its text; a link's message ({@link Kind#PASSWORD_RESET}, {@link Kind#ADDRESS_VERIFICATION}) only
 * whom it is for, as its token is made when it is sent. An instance claims a row until
 * {@code claimedUntil} before it sends it, so no two instances send one message.
 */
@Entity
@Table(name = "AUTH_MAIL_OUTBOX")
@NamedQuery(
        name = OutgoingMail.DUE,
        query = "SELECT m.id FROM OutgoingMail m WHERE m.nextAttemptAt <= :now AND m.claimedUntil <= :now"
                + " ORDER BY m.nextAttemptAt, m.id")
@NamedQuery(
        name = OutgoingMail.CLAIM,
        query = "UPDATE OutgoingMail m SET m.claimedUntil = :until WHERE m.id = :id AND m.claimedUntil <= :now")
@NamedQuery(name = OutgoingMail.QUEUED_SINCE, query = "SELECT m.queuedAt FROM OutgoingMail m ORDER BY m.queuedAt DESC")
@NamedQuery(name = OutgoingMail.QUEUED_BEFORE, query = "DELETE FROM OutgoingMail m WHERE m.queuedAt < :cutoff")
@NamedQuery(name = OutgoingMail.COUNT, query = "SELECT COUNT(m) FROM OutgoingMail m")
public class OutgoingMail {

    public static final String DUE = "OutgoingMail.due";
    public static final String CLAIM = "OutgoingMail.claim";
    /** Newest first: the n-th row's time is the cut-off that keeps n messages. */
    public static final String QUEUED_SINCE = "OutgoingMail.queuedSince";

    public static final String QUEUED_BEFORE = "OutgoingMail.queuedBefore";
    public static final String COUNT = "OutgoingMail.count";

    private static final SecureRandom IDS = new SecureRandom();

    /**
     * The first ten characters of an id: a count this instance keeps, started from the time it
     * started, so that one instance's messages of one instant go out in the order they were queued.
     */
    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() << 8);

    /** What a row stands for. */
    public enum Kind {
        /** A notice: recipient, subject and body are set. */
        NOTICE,
        /** A password reset asked for a name or an address ({@code username} holds what was typed). */
        PASSWORD_RESET,
        /** The link that verifies {@code recipient} as {@code username}'s address. */
        ADDRESS_VERIFICATION
    }

    @Id
    @Column(name = "ID", length = 22)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", nullable = false, length = 32)
    private Kind kind;

    @Column(name = "USERNAME", length = 256)
    private String username;

    @Column(name = "RECIPIENT", length = 320)
    private String recipient;

    @Column(name = "SUBJECT", length = 256)
    private String subject;

    @Column(name = "BODY", length = 4000)
    private String body;

    @Column(name = "QUEUED_AT", nullable = false)
    private Instant queuedAt;

    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;

    @Column(name = "NEXT_ATTEMPT_AT", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "CLAIMED_UNTIL", nullable = false)
    private Instant claimedUntil;

    protected OutgoingMail() {
        // for JPA
    }

    private OutgoingMail(Kind kind, String username, String recipient, Instant now) {
        byte[] random = new byte[9];
        IDS.nextBytes(random);
        this.id = String.format("%010x", SEQUENCE.incrementAndGet() & 0xff_ffff_ffffL)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        this.kind = kind;
        this.username = username;
        this.recipient = recipient;
        this.queuedAt = now;
        this.nextAttemptAt = now;
        this.claimedUntil = Instant.EPOCH;
    }

    public static OutgoingMail notice(String username, String recipient, String subject, String body, Instant now) {
        OutgoingMail mail = new OutgoingMail(Kind.NOTICE, username, recipient, now);
        mail.subject = subject;
        mail.body = body;
        return mail;
    }

    /** A reset for whatever account {@code typed} (a username or an address) names, if any. */
    public static OutgoingMail passwordReset(String typed, Instant now) {
        return new OutgoingMail(Kind.PASSWORD_RESET, typed, null, now);
    }

    public static OutgoingMail addressVerification(String username, String address, Instant now) {
        return new OutgoingMail(Kind.ADDRESS_VERIFICATION, username, address, now);
    }

    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public String username() {
        return username;
    }

    public String recipient() {
        return recipient;
    }

    public String subject() {
        return subject;
    }

    public String body() {
        return body;
    }

    public Instant queuedAt() {
        return queuedAt;
    }

    public int attempts() {
        return attempts;
    }

    /** A failed attempt: the next one not before {@code next}, and the claim let go. */
    public void failed(Instant next) {
        attempts++;
        nextAttemptAt = next;
        claimedUntil = Instant.EPOCH;
    }
}
