package org.passkeyee.persistence.config;

import java.util.Locale;
import java.util.Optional;
import org.passkeyee.PasskeySettings;

/**
 * Where passkeys are kept, as the admin set it (see the {@linkplain org.passkeyee.persistence
 * package documentation}): read once, through the core's {@link PasskeySettings} (MicroProfile
 * Config where the server has it, system properties otherwise), by {@code StoreSettingsProducer};
 * the only class of the store that reads settings. Public for the store's {@code jpa} package;
 * not API.
 *
 * @param dataSource   JNDI name of the JTA datasource
 * @param createTables whether missing tables are created when the store starts
 * @param provider     class name of the JPA provider to use, if the admin chose one
 * @param scope        the store scope: whose accounts these are, among those in the same tables
 */
public record StoreSettings(String dataSource, boolean createTables, Optional<String> provider, String scope) {

    /** The setting naming the datasource. */
    public static final String DATA_SOURCE = "passkey.datasource";
    static final String CREATE_TABLES = "passkey.create-tables";
    /** The setting naming the JPA provider. */
    public static final String PROVIDER = "passkey.jpa-provider";
    static final String DEFAULT_DATA_SOURCE = "java:comp/DefaultDataSource";
    /** The setting naming the store scope. */
    public static final String SCOPE = "passkey.store-scope";
    private static final int MAX_SCOPE_LENGTH = 255;

    /**
     * The store's settings among the admin's, defaults for those not set.
     *
     * @param defaultScope the store scope when {@value #SCOPE} is not set: one that tells this
     *                     application apart from the others on the same server
     * @throws IllegalStateException if a value cannot be used
     */
    static StoreSettings from(PasskeySettings settings, String defaultScope) {
        String dataSource = settings.find(DATA_SOURCE).map(String::trim).orElse(DEFAULT_DATA_SOURCE);
        if (dataSource.isEmpty()) {
            throw new IllegalStateException(DATA_SOURCE + " must name a datasource, e.g. java:app/jdbc/AppDS");
        }
        boolean createTables = settings.find(CREATE_TABLES).map(v -> bool(CREATE_TABLES, v)).orElse(true);
        String scope = scope(settings.find(SCOPE).map(String::trim).orElse(defaultScope));
        return new StoreSettings(dataSource, createTables, settings.find(PROVIDER).map(String::trim), scope);
    }

    /**
     * The default store scope of an application: its relying party ID and context path, e.g.
     * {@code example.com/shop}, or {@code example.com/} at the root. Both are in every URL the
     * application's users know and stay the same across redeployments, new versions of the WAR
     * and the nodes of a cluster; two applications on one server differ in at least one of
     * them. (The application's deployment name does not: it often carries the WAR's version.)
     */
    static String defaultScope(String rpId, String contextPath) {
        return rpId + (contextPath.isEmpty() ? "/" : contextPath);
    }

    private static String scope(String value) {
        if (value.isEmpty() || value.length() > MAX_SCOPE_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalStateException(SCOPE + " must be 1 to " + MAX_SCOPE_LENGTH
                    + " characters without control characters, e.g. the product's name");
        }
        return value;
    }

    private static boolean bool(String property, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalStateException(property + " must be true or false, not '" + value + "'");
        };
    }
}
