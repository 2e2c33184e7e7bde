package org.passkeyee.persistence.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.servlet.ServletContext;
import org.passkeyee.PasskeyConfiguration;
import org.passkeyee.PasskeySettings;

/**
 * Resolves the {@link StoreSettings} once per application, from the core's
 * {@link PasskeySettings}, for the beans that open the store.
 */
@ApplicationScoped
class StoreSettingsProducer {

    /**
     * The store's settings. {@link PasskeySettings} and {@link PasskeyConfiguration} are beans
     * only when passkeys are switched on, so they are looked up here, when the store is first
     * opened, not required at deployment. The application's context path, for the default store
     * scope, comes from the {@link ServletContext} that the container provides as a bean.
     *
     * @throws IllegalStateException if passkeys are not switched on, or a value cannot be used
     */
    @Produces
    @Singleton
    StoreSettings storeSettings(Instance<PasskeySettings> settings, Instance<PasskeyConfiguration> configuration,
                                ServletContext application) {
        if (!settings.isResolvable() || !configuration.isResolvable()) {
            throw new IllegalStateException("The passkey store is used, but passkeys are not switched on"
                    + " (no @PasskeyAuthenticationMechanismDefinition)");
        }
        return StoreSettings.from(settings.get(),
                StoreSettings.defaultScope(configuration.get().rpId(), application.getContextPath()));
    }
}
