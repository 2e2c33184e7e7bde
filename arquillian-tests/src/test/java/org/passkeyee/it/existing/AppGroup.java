package org.passkeyee.it.existing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** TEST-ONLY: one group membership in the application's own table, read by its database identity store. */
@Entity
@Table(name = "APP_GROUP")
public class AppGroup {

    @Id
    @Column(name = "ID")
    private long id;

    @Column(name = "NAME", nullable = false, length = 100)
    private String name;

    @Column(name = "GROUP_NAME", nullable = false, length = 100)
    private String groupName;

    protected AppGroup() {
    }

    AppGroup(long id, String name, String groupName) {
        this.id = id;
        this.name = name;
        this.groupName = groupName;
    }
}
