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
 * users {@value #CLERK} (group {@value #STAFF}), {@value #VISITOR}, {@value #TEMP} and
 * {@value #LEAVER} (no group), and {@value #JDOE} of the staff (group {@value #STAFF}), who is not
 * the {@value #JDOE} that the badge store knows.
 */
@ApplicationScoped
public class Inventory {

    public static final String CLERK = "clerk";
    public static final String CLERK_PASSWORD = "counter-1234";
    public static final String VISITOR = "visitor";
    public static final String VISITOR_PASSWORD = "lobby-5678";
    public static final String STAFF = "staff";
    public static final String TEMP = "temp-worker";
    public static final String TEMP_PASSWORD = "contract-3456";
    public static final String LEAVER = "leaver";
    public static final String LEAVER_PASSWORD = "farewell-7890";
    public static final String JDOE = "jdoe";
    public static final String STAFF_JDOE_PASSWORD = "staff-jdoe-2468";

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
        em.persist(new AppUser(TEMP, passwordHash.generate(TEMP_PASSWORD.toCharArray())));
        em.persist(new AppUser(LEAVER, passwordHash.generate(LEAVER_PASSWORD.toCharArray())));
        em.persist(new AppUser(JDOE, passwordHash.generate(STAFF_JDOE_PASSWORD.toCharArray())));
        em.persist(new AppGroup(1, CLERK, STAFF));
        em.persist(new AppGroup(2, JDOE, STAFF));
    }

    /** Whether a person of the user table may sign in; names it does not know are not its to refuse. */
    @Transactional
    public boolean isEnabled(String name) {
        AppUser user = em.find(AppUser.class, name);
        return user == null || user.enabled();
    }

    /** Marks a person as gone: what an administrator does when someone leaves. */
    @Transactional
    public void disable(String name) {
        AppUser user = em.find(AppUser.class, name);
        if (user != null) {
            user.disable();
        }
    }

    @Transactional
    public long countItems() {
        return em.createQuery("SELECT COUNT(i) FROM InventoryItem i", Long.class).getSingleResult();
    }
}
