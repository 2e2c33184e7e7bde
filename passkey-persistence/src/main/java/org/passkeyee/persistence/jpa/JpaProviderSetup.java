package org.passkeyee.persistence.jpa;

import jakarta.persistence.spi.PersistenceProvider;
import jakarta.persistence.spi.PersistenceProviderResolverHolder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.passkeyee.persistence.config.StoreSettings;
import java.util.function.Predicate;

/**
 * Which JPA provider builds the store's unit, and what that provider must be told that a
 * container would otherwise tell it: how to reach the server's transaction manager, not to
 * weave, whether to create the tables. Only the settings of the two providers of the servers we
 * support are known here (EclipseLink on Payara and GlassFish, Hibernate on WildFly); another
 * provider gets the standard properties only.
 */
final class JpaProviderSetup {

    static final String SCHEMA_ACTION = "jakarta.persistence.schema-generation.database.action";
    static final String ECLIPSELINK_SESSION_CUSTOMIZER = "eclipselink.session.customizer";

    private JpaProviderSetup() {
    }

    /**
     * The provider named by {@code passkey.jpa-provider}, or else the first one the platform's
     * resolver knows (the server's own, unless the application bundles another).
     *
     * @throws IllegalStateException if there is none, or none of that name
     */
    static PersistenceProvider provider(Optional<String> className) {
        List<PersistenceProvider> providers =
                PersistenceProviderResolverHolder.getPersistenceProviderResolver().getPersistenceProviders();
        Predicate<PersistenceProvider> wanted = p -> className.map(p.getClass().getName()::equals).orElse(true);
        return providers.stream().filter(wanted).findFirst().orElseThrow(() -> new IllegalStateException(
                "No Jakarta Persistence provider " + className.map(n -> "named " + n + " ").orElse("")
                        + "is visible to the application; found " + providers.stream().map(p -> p.getClass().getName()).toList()
                        + ". Set " + StoreSettings.PROVIDER + " to one of them."));
    }

    /** The unit's properties for {@code providerClassName} on the server that has {@code transactions}. */
    static Properties properties(String providerClassName, ServerTransactions transactions, boolean createTables) {
        Properties properties = new Properties();
        properties.setProperty(SCHEMA_ACTION, createTables ? "create" : "none");
        if (providerClassName.startsWith("org.eclipse.persistence.")) {
            transactions.eclipseLinkTargetServer().ifPresent(v -> properties.setProperty("eclipselink.target-server", v));
            properties.setProperty("eclipselink.weaving", "false");
            properties.setProperty("eclipselink.logging.logger", "JavaLogger");
        } else if (providerClassName.startsWith("org.hibernate.")) {
            transactions.hibernateJtaPlatform().ifPresent(v -> properties.setProperty("hibernate.transaction.jta.platform", v));
        }
        return properties;
    }

    /**
     * What {@code provider} is handed beside the unit ({@code createContainerEntityManagerFactory}'s
     * map): settings that are objects, which a unit's {@link Properties} cannot carry. EclipseLink
     * gets its session customizer ({@link EclipseLinkFailFast}) as an object built for its release.
     */
    static Map<String, Object> integration(PersistenceProvider provider) {
        Class<?> providerClass = provider.getClass();
        if (providerClass.getName().startsWith("org.eclipse.persistence.")) {
            return Map.of(ECLIPSELINK_SESSION_CUSTOMIZER, EclipseLinkFailFast.customizer(providerClass.getClassLoader()));
        }
        return Map.of();
    }
}
