package org.passkeyee;

import java.util.Optional;

/**
 * The admin's settings ({@code passkey.*}) from the sources the module reads its own from:
 * MicroProfile Config where the server has it (system properties, environment variables,
 * {@code microprofile-config.properties}), system properties otherwise. For a module that adds
 * settings of its own, such as the JPA store's datasource, to resolve them once at its start, as
 * the core resolves {@link PasskeyConfiguration}. Injectable when passkeys are switched on.
 */
@FunctionalInterface
public interface PasskeySettings {

    /** The named setting, if it is set and not blank. */
    Optional<String> find(String name);
}
