package org.passkeyee.internal.config;

import java.util.Optional;
import java.util.function.Function;

/**
 * Where an admin's overrides come from: MicroProfile Config when the server has it (it covers
 * system properties, environment variables and {@code microprofile-config.properties}),
 * otherwise system properties alone. MicroProfile Config is not part of Jakarta EE 10, so it is
 * detected at run time and only then touched.
 * The module's other JARs get them as the public {@link org.passkeyee.PasskeySettings}.
 */
final class PropertyOverrides {

    private PropertyOverrides() {
    }

    /** The lookup for the application of the calling thread (its context class loader). */
    static Function<String, Optional<String>> forCurrentApplication() {
        if (microProfileConfigPresent()) {
            return MicroProfileConfigLookup::find;
        }
        return name -> Optional.ofNullable(System.getProperty(name)).filter(v -> !v.isBlank());
    }

    /** Whether the MicroProfile Config API is visible and has an implementation behind it. */
    private static boolean microProfileConfigPresent() {
        try {
            Class.forName("org.eclipse.microprofile.config.ConfigProvider", false,
                    Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        return MicroProfileConfigLookup.available();
    }

    /** Loaded only when MicroProfile Config is on the class path. */
    private static final class MicroProfileConfigLookup {
        static boolean available() {
            try {
                org.eclipse.microprofile.config.ConfigProvider.getConfig();
                return true;
            } catch (IllegalStateException noImplementation) {
                return false;
            }
        }

        static Optional<String> find(String name) {
            return org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getOptionalValue(name, String.class)
                    .filter(v -> !v.isBlank());
        }
    }
}
