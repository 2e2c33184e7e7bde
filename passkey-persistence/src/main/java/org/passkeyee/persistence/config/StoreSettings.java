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
 */
public record StoreSettings(String dataSource, boolean createTables, Optional<String> provider) {

    /** The setting naming the datasource. */
    public static final String DATA_SOURCE = "passkey.datasource";
    static final String CREATE_TABLES = "passkey.create-tables";
    /** The setting naming the JPA provider. */
    public static final String PROVIDER = "passkey.jpa-provider";
    static final String DEFAULT_DATA_SOURCE = "java:comp/DefaultDataSource";

    /**
     * The store's settings among the admin's, defaults for those not set.
     *
     * @throws IllegalStateException if a value cannot be used
     */
    static StoreSettings from(PasskeySettings settings) {
        String dataSource = settings.find(DATA_SOURCE).map(String::trim).orElse(DEFAULT_DATA_SOURCE);
        if (dataSource.isEmpty()) {
            throw new IllegalStateException(DATA_SOURCE + " must name a datasource, e.g. java:app/jdbc/AppDS");
        }
        boolean createTables = settings.find(CREATE_TABLES).map(v -> bool(CREATE_TABLES, v)).orElse(true);
        return new StoreSettings(dataSource, createTables, settings.find(PROVIDER).map(String::trim));
    }

    private static boolean bool(String property, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalStateException(property + " must be true or false, not '" + value + "'");
        };
    }
}
