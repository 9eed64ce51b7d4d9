package dev.authservice.auth.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An account: its canonical username (the primary key, so the database decides uniqueness) and password hash. */
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
}
