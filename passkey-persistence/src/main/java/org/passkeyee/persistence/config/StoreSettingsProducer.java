package org.passkeyee.persistence.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.passkeyee.PasskeySettings;

/**
 * Resolves the {@link StoreSettings} once per application, from the core's
 * {@link PasskeySettings}, for the beans that open the store.
 */
@ApplicationScoped
class StoreSettingsProducer {

    /**
     * The store's settings. {@link PasskeySettings} is a bean only when passkeys are switched on,
     * so it is looked up here, when the store is first opened, not required at deployment.
     *
     * @throws IllegalStateException if passkeys are not switched on, or a value cannot be used
     */
    @Produces
    @Singleton
    StoreSettings storeSettings(Instance<PasskeySettings> settings) {
        if (!settings.isResolvable()) {
            throw new IllegalStateException("The passkey store is used, but passkeys are not switched on"
                    + " (no @PasskeyAuthenticationMechanismDefinition)");
        }
        return StoreSettings.from(settings.get());
    }
}
