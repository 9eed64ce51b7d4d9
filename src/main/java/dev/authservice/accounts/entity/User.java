package dev.authservice.accounts.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;

/**
 * An account: its canonical username (the primary key, so the database decides uniqueness), its
 * password hash, and its second factor: a sealed TOTP secret once confirmed, one waiting for
 * confirmation, and the last time step that was used, so that no code is taken twice. Also its
 * groups, whether an administrator disabled it, and when it last logged in.
 */
@Entity
@Table(name = "AUTH_USER")
@NamedQuery(
        name = User.GROUPS_OF,
        query = "SELECT g FROM User u JOIN u.groups g WHERE u.username = :username ORDER BY g")
@NamedQuery(
        name = User.GROUPS_OF_USERS,
        query = "SELECT u.username, g FROM User u JOIN u.groups g WHERE u.username IN :usernames ORDER BY g")
@NamedQuery(
        name = User.ENABLED_MEMBERS_OF,
        query = "SELECT u.username FROM User u JOIN u.groups g WHERE g = :group AND u.disabled = 0")
@NamedQuery(name = User.MEMBERS_OF, query = "SELECT u.username FROM User u JOIN u.groups g WHERE g = :group")
@NamedQuery(name = User.NAMES, query = "SELECT u.username FROM User u ORDER BY u.username")
@NamedQuery(
        name = User.NAMES_STARTING,
        query = "SELECT u.username FROM User u WHERE u.username LIKE :prefix ESCAPE '!' ORDER BY u.username")
@NamedQuery(name = User.BY_EMAIL, query = "SELECT u FROM User u WHERE u.email = :email")
@NamedQuery(name = User.NAMED, query = "SELECT u FROM User u WHERE u.username IN :usernames ORDER BY u.username")
public class User {

    public static final String GROUPS_OF = "User.groupsOf";
    public static final String GROUPS_OF_USERS = "User.groupsOfUsers";
    public static final String ENABLED_MEMBERS_OF = "User.enabledMembersOf";
    public static final String MEMBERS_OF = "User.membersOf";
    /**
     * A page of names in order: read from the primary key's index alone, so a page deep in a large
     * table costs a walk of the index, never a sort of the table.
     */
    public static final String NAMES = "User.names";

    /** The same, for names that start with a prefix: a range of the index. */
    public static final String NAMES_STARTING = "User.namesStarting";

    /** The account of an address (unique). */
    public static final String BY_EMAIL = "User.byEmail";

    /** The accounts of a page's names. */
    public static final String NAMED = "User.named";

    private static final SecureRandom SUBJECTS = new SecureRandom();

    @Id
    @Column(name = "USERNAME", length = 256)
    private String username;

    @Column(name = "PASSWORD_HASH", nullable = false, length = 512)
    private String passwordHash;

    /** SMALLINT 0 or 1: the password must be changed before the account does anything else. */
    @Column(name = "PASSWORD_CHANGE_DUE", nullable = false)
    private short passwordChangeDue;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "TOTP_SECRET", length = 256)
    private String totpSecret;

    @Column(name = "TOTP_PENDING", length = 256)
    private String totpPending;

    @Column(name = "TOTP_LAST_STEP", nullable = false)
    private long totpLastStep;

    /** SMALLINT 0 or 1, as Derby and PostgreSQL bind alike. */
    @Column(name = "DISABLED", nullable = false)
    private short disabled;

    @Column(name = "LAST_LOGIN_AT")
    private Instant lastLoginAt;

    /** The random id this account's passkeys carry (base64url), set with its first passkey ceremony. */
    @Column(name = "WEBAUTHN_USER_HANDLE", length = 64)
    private String webAuthnUserHandle;

    /**
     * OpenID Connect's "sub": 128 random bits, base64url, made with the account and never reused,
     * so that a new account under a deleted one's name is another subject to every application.
     */
    @Column(name = "SUBJECT", length = 22)
    private String subject;

    /** The account's one email address (EmailAddress's canonical form), unique among accounts, or null. */
    @Column(name = "EMAIL", length = 320)
    private String email;

    /** SMALLINT 0 or 1: its owner opened the link sent to it. */
    @Column(name = "EMAIL_VERIFIED", nullable = false)
    private short emailVerified;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "AUTH_USER_GROUP", joinColumns = @JoinColumn(name = "USERNAME"))
    @Column(name = "GROUP_NAME", length = GroupName.MAX_LENGTH)
    private Set<String> groups = new HashSet<>();

    protected User() {
        // for JPA
    }

    public User(String username, String passwordHash, Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
        this.subject = newSubject();
    }

    public String subject() {
        return subject;
    }

    private static String newSubject() {
        byte[] bytes = new byte[16];
        SUBJECTS.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    /**
     * Stands for the password as it is now, without being it: the SHA-256 of its hash, which a new
     * salt changes on every password set. A step begun with one password checks it on finishing.
     */
    public String passwordStamp() {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256").digest(passwordHash.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** Whether someone else has known the password (the first administrator's came from the environment). */
    public boolean isPasswordChangeDue() {
        return passwordChangeDue != 0;
    }

    public void requirePasswordChange() {
        passwordChangeDue = 1;
    }

    /** A new password its owner chose: the one someone else knew is gone. */
    public void changePasswordTo(String newHash) {
        changePasswordHash(newHash);
        passwordChangeDue = 0;
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

    public boolean isDisabled() {
        return disabled != 0;
    }

    /** Disabled, the account proves nothing: its logins fail as a wrong password does. */
    public void disable() {
        this.disabled = 1;
    }

    public void enable() {
        this.disabled = 0;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** When it last logged in, or null if never since this was recorded. */
    public Instant lastLoginAt() {
        return lastLoginAt;
    }

    public void loggedInAt(Instant now) {
        this.lastLoginAt = now;
    }

    public Set<String> groups() {
        return Collections.unmodifiableSet(new TreeSet<>(groups));
    }

    /** Replaces the groups; every name already checked by {@link GroupName}. */
    public void setGroups(Set<GroupName> names) {
        groups.clear();
        names.forEach(name -> groups.add(name.value()));
    }

    public String webAuthnUserHandle() {
        return webAuthnUserHandle;
    }

    /** Sets the passkeys' user handle once; an account keeps it for good. */
    public void assignWebAuthnUserHandle(String handle) {
        if (webAuthnUserHandle == null) {
            webAuthnUserHandle = handle;
        }
    }

    /** The account's email address, or null. */
    public EmailAddress email() {
        return EmailAddress.stored(email);
    }

    public boolean isEmailVerified() {
        return email != null && emailVerified != 0;
    }

    /** A new address (or none), not verified until its owner opens the link sent to it. */
    public void changeEmail(EmailAddress address) {
        String next = address == null ? null : address.value();
        if (!java.util.Objects.equals(next, email)) {
            email = next;
            emailVerified = 0;
        }
    }

    /** The address was proved by the link sent to it, if it is still the account's. */
    public void emailVerified(EmailAddress address) {
        if (address.value().equals(email)) {
            emailVerified = 1;
        }
    }

    public void disableTotp() {
        this.totpSecret = null;
        this.totpPending = null;
        this.totpLastStep = 0;
    }
}
