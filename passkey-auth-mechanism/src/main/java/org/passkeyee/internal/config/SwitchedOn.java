package org.passkeyee.internal.config;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import java.util.Optional;
import org.passkeyee.PasskeyConfiguration;

/**
 * The application's beans, when passkeys are switched on in it (a bean carries
 * {@code @PasskeyAuthenticationMechanismDefinition}, so a {@link PasskeyConfiguration} exists);
 * empty without CDI or without the annotation. For the module's servlet listeners, which start
 * what the module needs only then. Public for the module's other JARs; not API.
 */
public final class SwitchedOn {

    private SwitchedOn() {
    }

    /** The beans of the application of this thread, if passkeys are switched on in it. */
    public static Optional<Instance<Object>> beans() {
        Instance<Object> beans;
        try {
            beans = CDI.current();
        } catch (IllegalStateException noCdi) {
            return Optional.empty();
        }
        return beans.select(PasskeyConfiguration.class).isResolvable() ? Optional.of(beans) : Optional.empty();
    }
}
