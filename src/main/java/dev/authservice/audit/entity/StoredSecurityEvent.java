package dev.authservice.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One security event as the admin console lists it: when, what, who, to whom, from where. */
@Entity
@Table(name = "AUTH_SECURITY_EVENT")
@NamedQuery(
        name = StoredSecurityEvent.NEWEST,
        query = "SELECT e FROM StoredSecurityEvent e WHERE e.occurredAt >= :since"
                + " ORDER BY e.occurredAt DESC, e.id DESC")
@NamedQuery(
        name = StoredSecurityEvent.NEWEST_OF,
        query = "SELECT e FROM StoredSecurityEvent e WHERE e.occurredAt >= :since"
                + " AND (e.username = :username OR e.target = :username) ORDER BY e.occurredAt DESC, e.id DESC")
@NamedQuery(
        name = StoredSecurityEvent.OLDER_THAN,
        query = "DELETE FROM StoredSecurityEvent e WHERE e.occurredAt < :cutoff")
@NamedQuery(name = StoredSecurityEvent.COUNT, query = "SELECT COUNT(e) FROM StoredSecurityEvent e")
@NamedQuery(
        name = StoredSecurityEvent.TIMES_NEWEST_FIRST,
        query = "SELECT e.occurredAt FROM StoredSecurityEvent e ORDER BY e.occurredAt DESC")
public class StoredSecurityEvent {

    public static final String NEWEST = "StoredSecurityEvent.newest";
    public static final String NEWEST_OF = "StoredSecurityEvent.newestOf";
    public static final String OLDER_THAN = "StoredSecurityEvent.olderThan";
    public static final String COUNT = "StoredSecurityEvent.count";
    public static final String TIMES_NEWEST_FIRST = "StoredSecurityEvent.timesNewestFirst";

    @Id
    @Column(name = "ID", length = 22)
    private String id;

    @Column(name = "OCCURRED_AT", nullable = false)
    private Instant occurredAt;

    @Column(name = "KIND", nullable = false, length = 64)
    private String kind;

    @Column(name = "USERNAME", length = 256)
    private String username;

    @Column(name = "TARGET", length = 512)
    private String target;

    @Column(name = "REASON", length = 256)
    private String reason;

    @Column(name = "ADDRESS", length = 64)
    private String address;

    @Column(name = "USER_AGENT", length = 256)
    private String userAgent;

    @Column(name = "SESSIONS", nullable = false)
    private int sessions;

    protected StoredSecurityEvent() {
        // for JPA
    }

    public StoredSecurityEvent(
            String id,
            Instant occurredAt,
            String kind,
            String username,
            String target,
            String reason,
            Client client,
            int sessions) {
        this.id = id;
        this.occurredAt = occurredAt;
        this.kind = kind;
        this.username = bounded(username, 256);
        this.target = bounded(target, 512);
        this.reason = bounded(reason, 256);
        this.address = client == null ? null : bounded(client.address(), 64);
        this.userAgent = client == null ? null : bounded(client.userAgent(), 256);
        this.sessions = sessions;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    /** The event's name in the log, such as "admin.user.disable". */
    public String kind() {
        return kind;
    }

    /** Who acted: the account that signed in, or the administrator. */
    public String username() {
        return username;
    }

    /** What it was done to: an account, a client, the groups a location asked for. */
    public String target() {
        return target;
    }

    public String reason() {
        return reason;
    }

    public String address() {
        return address;
    }

    public String userAgent() {
        return userAgent;
    }

    public int sessions() {
        return sessions;
    }

    private static String bounded(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
