package org.passkeyee.persistence.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.servlet.ServletContext;
import org.passkeyee.PasskeyConfiguration;
import org.passkeyee.PasskeySettings;

/**
 * Resolves the {@link StoreSettings} once per application, from the core's
 * {@link PasskeySettings}, for the beans that open the store. Public for the store's listener
 * ({@code PasskeyStoreStartup}), which tells it the application's context path; not API.
 */
@ApplicationScoped
public class StoreSettingsProducer {

    /** The application's context path, for the default store scope; {@code null} until the application starts. */
    private volatile String contextPath;

    /**
     * Notes the application's context path, for the default store scope: told by the store's
     * listener before it opens the store, or else announced by CDI with the start of the web
     * application (on Payara only after the listeners ran; before any request). The
     * {@code ServletContext} bean is no help: on Payara it is available during a request only.
     */
    public void applicationStarted(@Observes @Initialized(ApplicationScoped.class) ServletContext application) {
        contextPath = application.getContextPath();
    }

    /**
     * The store's settings. {@link PasskeySettings} and {@link PasskeyConfiguration} are beans
     * only when passkeys are switched on, so they are looked up here, when the store is first
     * opened, not required at deployment.
     *
     * @throws IllegalStateException if passkeys are not switched on, or a value cannot be used
     */
    @Produces
    @Singleton
    StoreSettings storeSettings(Instance<PasskeySettings> settings, Instance<PasskeyConfiguration> configuration) {
        if (!settings.isResolvable() || !configuration.isResolvable()) {
            throw new IllegalStateException("The passkey store is used, but passkeys are not switched on"
                    + " (no @PasskeyAuthenticationMechanismDefinition)");
        }
        if (contextPath == null && settings.get().find(StoreSettings.SCOPE).isEmpty()) {
            throw new IllegalStateException("The passkey store is used before its application started, so its default"
                    + " store scope (the context path) is not known: set " + StoreSettings.SCOPE);
        }
        return StoreSettings.from(settings.get(), StoreSettings.defaultScope(configuration.get().rpId(),
                contextPath == null ? "" : contextPath));
    }
}
