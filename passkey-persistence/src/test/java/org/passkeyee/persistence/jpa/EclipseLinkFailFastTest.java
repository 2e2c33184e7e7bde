package org.passkeyee.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.spi.PersistenceProvider;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.DatabaseSession;
import org.eclipse.persistence.sessions.Project;
import org.eclipse.persistence.sessions.SessionCustomizer;
import org.hibernate.jpa.HibernatePersistenceProvider;
import org.junit.jupiter.api.Test;

/**
 * The store's EclipseLink customizer on each shape of EclipseLink: 4.0.7 and later (both customizer
 * interfaces), 4.0.1 (only {@code config.SessionCustomizer}) and 5 (only
 * {@code sessions.SessionCustomizer}); the last two are this build's EclipseLink seen through a
 * class loader that hides the other interface.
 */
class EclipseLinkFailFastTest {

    private static final String CONFIG_CUSTOMIZER = "org.eclipse.persistence.config.SessionCustomizer";
    private static final String SESSIONS_CUSTOMIZER = "org.eclipse.persistence.sessions.SessionCustomizer";

    @Test
    void customizedSessionThenQueriesOnADeadConnectionAreNotRetried() throws Exception {
        DatabaseSession session = new Project(new DatabaseLogin()).createDatabaseSession();
        assertTrue(session.getLogin().getQueryRetryAttemptCount() > 0, "EclipseLink's default retries");

        SessionCustomizer customizer = (SessionCustomizer) EclipseLinkFailFast.customizer(getClass().getClassLoader());
        customizer.customize(session);

        assertEquals(0, session.getLogin().getQueryRetryAttemptCount());
    }

    @Test
    @SuppressWarnings("deprecation") // the interface EclipseLink 4.0.1 casts customizers to
    void eclipseLinkWithBothInterfacesThenTheCustomizerIsEither() {
        Object customizer = EclipseLinkFailFast.customizer(getClass().getClassLoader());

        assertInstanceOf(SessionCustomizer.class, customizer);
        assertInstanceOf(org.eclipse.persistence.config.SessionCustomizer.class, customizer);
    }

    @Test
    void eclipseLinkWithOnlyTheOlderInterfaceThenTheCustomizerIsThatOne() throws Exception {
        Object customizer = EclipseLinkFailFast.customizer(hiding(SESSIONS_CUSTOMIZER));

        assertEquals(Set.of(CONFIG_CUSTOMIZER), interfaceNames(customizer));
    }

    @Test
    void eclipseLinkWithOnlyTheNewerInterfaceThenTheCustomizerIsThatOne() throws Exception {
        Object customizer = EclipseLinkFailFast.customizer(hiding(CONFIG_CUSTOMIZER));

        assertEquals(Set.of(SESSIONS_CUSTOMIZER), interfaceNames(customizer));
        DatabaseSession session = new Project(new DatabaseLogin()).createDatabaseSession();
        ((SessionCustomizer) customizer).customize(session);
        assertEquals(0, session.getLogin().getQueryRetryAttemptCount());
    }

    @Test
    void noCustomizerInterfaceThenAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> EclipseLinkFailFast.customizer(hiding(CONFIG_CUSTOMIZER, SESSIONS_CUSTOMIZER)));

        assertTrue(e.getMessage().contains(SESSIONS_CUSTOMIZER), e.getMessage());
    }

    @Test
    void onlyEclipseLinkIsHandedACustomizer() {
        Map<String, Object> eclipseLink = JpaProviderSetup.integration(new org.eclipse.persistence.jpa.PersistenceProvider());
        assertInstanceOf(SessionCustomizer.class, eclipseLink.get(JpaProviderSetup.ECLIPSELINK_SESSION_CUSTOMIZER));

        PersistenceProvider hibernate = new HibernatePersistenceProvider();
        assertFalse(JpaProviderSetup.integration(hibernate).containsKey(JpaProviderSetup.ECLIPSELINK_SESSION_CUSTOMIZER));
    }

    /** The interfaces a proxy implements, by name. */
    private static Set<String> interfaceNames(Object proxy) {
        return Arrays.stream(proxy.getClass().getInterfaces()).map(Class::getName)
                .collect(Collectors.toSet());
    }

    /** This build's class loader, as an EclipseLink release that lacks the {@code hidden} classes. */
    private static ClassLoader hiding(String... hidden) {
        Set<String> names = Set.of(hidden);
        return new ClassLoader(EclipseLinkFailFastTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (names.contains(name)) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        };
    }
}
