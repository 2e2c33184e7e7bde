package org.passkeyee.it.existing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** TEST-ONLY: the application's own business data. */
@Entity
@Table(name = "INVENTORY_ITEM")
public class InventoryItem {

    @Id
    @Column(name = "ID")
    private long id;

    @Column(name = "NAME", nullable = false, length = 100)
    private String name;

    protected InventoryItem() {
    }

    InventoryItem(long id, String name) {
        this.id = id;
        this.name = name;
    }
}
