package org.passkeyee.it.existing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;

/**
 * TEST-ONLY: the application's data access, with its persistence context injected the way most
 * applications do, without a unit name. Seeds its tables at startup: three items, the password
 * users {@value #CLERK} (group {@value #STAFF}) and {@value #VISITOR} (no group).
 */
@ApplicationScoped
public class Inventory {

    public static final String CLERK = "clerk";
    public static final String CLERK_PASSWORD = "counter-1234";
    public static final String VISITOR = "visitor";
    public static final String VISITOR_PASSWORD = "lobby-5678";
    public static final String STAFF = "staff";

    @PersistenceContext
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Transactional
    void seed(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (em.find(AppUser.class, CLERK) != null) {
            return;
        }
        em.persist(new InventoryItem(1, "stapler"));
        em.persist(new InventoryItem(2, "ledger"));
        em.persist(new InventoryItem(3, "lamp"));
        em.persist(new AppUser(CLERK, passwordHash.generate(CLERK_PASSWORD.toCharArray())));
        em.persist(new AppUser(VISITOR, passwordHash.generate(VISITOR_PASSWORD.toCharArray())));
        em.persist(new AppGroup(1, CLERK, STAFF));
    }

    @Transactional
    public long countItems() {
        return em.createQuery("SELECT COUNT(i) FROM InventoryItem i", Long.class).getSingleResult();
    }
}
