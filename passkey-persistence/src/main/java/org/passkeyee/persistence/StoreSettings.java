package org.passkeyee.persistence;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where passkeys are kept, as the admin set it (see the {@linkplain org.passkeyee.persistence
 * package documentation}): read from the same sources as the core's settings (MicroProfile
 * Config where the server has it, system properties otherwise).
 *
 * @param dataSource   JNDI name of the JTA datasource
 * @param createTables whether missing tables are created when the store starts
 * @param provider     class name of the JPA provider to use, if the admin chose one
 */
record StoreSettings(String dataSource, boolean createTables, Optional<String> provider) {

    static final String DATA_SOURCE = "passkey.datasource";
    static final String CREATE_TABLES = "passkey.create-tables";
    static final String PROVIDER = "passkey.jpa-provider";
    static final String DEFAULT_DATA_SOURCE = "java:comp/DefaultDataSource";

    /**
     * @throws IllegalStateException if a value cannot be used
     */
    static StoreSettings from(Function<String, Optional<String>> properties) {
        String dataSource = properties.apply(DATA_SOURCE).map(String::trim).orElse(DEFAULT_DATA_SOURCE);
        if (dataSource.isEmpty()) {
            throw new IllegalStateException(DATA_SOURCE + " must name a datasource, e.g. java:app/jdbc/AppDS");
        }
        boolean createTables = properties.apply(CREATE_TABLES).map(v -> bool(CREATE_TABLES, v)).orElse(true);
        return new StoreSettings(dataSource, createTables, properties.apply(PROVIDER).map(String::trim));
    }

    private static boolean bool(String property, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalStateException(property + " must be true or false, not '" + value + "'");
        };
    }
}
