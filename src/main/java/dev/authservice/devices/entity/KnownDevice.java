package dev.authservice.devices.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A browser an account signed in from: the SHA-256 of its device cookie, and when it was first seen. */
@Entity
@Table(name = "AUTH_KNOWN_DEVICE")
@NamedQuery(
        name = KnownDevice.OF_USER_NEWEST_FIRST,
        query = "SELECT d.firstSeenAt FROM KnownDevice d WHERE d.id.username = :username ORDER BY d.firstSeenAt DESC")
@NamedQuery(
        name = KnownDevice.OF_USER_BEFORE,
        query = "DELETE FROM KnownDevice d WHERE d.id.username = :username AND d.firstSeenAt < :cutoff")
@NamedQuery(name = KnownDevice.OF_USER, query = "DELETE FROM KnownDevice d WHERE d.id.username = :username")
public class KnownDevice {

    public static final String OF_USER_NEWEST_FIRST = "KnownDevice.ofUserNewestFirst";
    public static final String OF_USER_BEFORE = "KnownDevice.ofUserBefore";
    public static final String OF_USER = "KnownDevice.ofUser";

    /** The key: an account and a device. */
    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "USERNAME", length = 256)
        private String username;

        @Column(name = "DEVICE_HASH", length = 64)
        private String deviceHash;

        protected Key() {
            // for JPA
        }

        public Key(String username, String deviceHash) {
            this.username = username;
            this.deviceHash = deviceHash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.username.equals(username) && key.deviceHash.equals(deviceHash);
        }

        @Override
        public int hashCode() {
            return Objects.hash(username, deviceHash);
        }
    }

    @EmbeddedId
    private Key id;

    @Column(name = "FIRST_SEEN_AT", nullable = false)
    private Instant firstSeenAt;

    protected KnownDevice() {
        // for JPA
    }

    public KnownDevice(String username, String deviceHash, Instant firstSeenAt) {
        this.id = new Key(username, deviceHash);
        this.firstSeenAt = firstSeenAt;
    }
}
