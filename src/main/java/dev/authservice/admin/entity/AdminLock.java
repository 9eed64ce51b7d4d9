package dev.authservice.admin.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The one row whose write lock every change to who administers takes first, on every instance:
 * two administrators demoting each other at once cannot both succeed, and two instances starting
 * at once cannot both create the first administrator.
 */
@Entity
@Table(name = "AUTH_ADMIN_LOCK")
public class AdminLock {

    public static final short ID = 1;

    @Id
    @Column(name = "ID")
    private short id;

    protected AdminLock() {
        // for JPA
    }
}
