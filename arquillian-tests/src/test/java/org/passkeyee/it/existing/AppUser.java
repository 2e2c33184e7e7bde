package org.passkeyee.it.existing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** TEST-ONLY: the application's own user table, read by its database identity store. */
@Entity
@Table(name = "APP_USER")
public class AppUser {

    @Id
    @Column(name = "NAME", length = 100)
    private String name;

    @Column(name = "PASSWORD_HASH", nullable = false, length = 500)
    private String passwordHash;

    /** {@code false} once the person left: they may no longer sign in, with any credential. */
    @Column(name = "ENABLED", nullable = false)
    private boolean enabled = true;

    protected AppUser() {
    }

    AppUser(String name, String passwordHash) {
        this.name = name;
        this.passwordHash = passwordHash;
    }

    boolean enabled() {
        return enabled;
    }

    void disable() {
        enabled = false;
    }
}
