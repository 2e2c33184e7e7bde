package org.passkeyee.persistence;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;
import org.passkeyee.PasskeyConfiguration;
import org.passkeyee.PasskeyStoreException;
import org.passkeyee.persistence.config.StoreSettingsProducer;
import org.passkeyee.persistence.jpa.StoreEntityManagers;

/**
 * Starts the store with the application, when passkeys are switched on (a
 * {@link PasskeyConfiguration} bean exists): a datasource name that does not resolve fails the
 * deployment, and the tables exist before the first sign-in. A database that does not answer yet
 * is only logged: the store starts at its first use instead. An application whose {@code web.xml}
 * is {@code metadata-complete} must declare this listener itself (or the store starts at its
 * first use).
 */
@WebListener
public class PasskeyStoreStartup implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(PasskeyStoreStartup.class.getName());

    @Inject
    Instance<PasskeyConfiguration> switchedOn;

    @Inject
    Instance<StoreEntityManagers> store;

    @Inject
    Instance<StoreSettingsProducer> settings;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (!switchedOn.isResolvable()) {
            return;
        }
        settings.get().applicationStarted(event.getServletContext());
        try {
            store.get().open();
        } catch (PasskeyStoreException outage) {
            LOG.warning(() -> "The passkey store could not start now; it tries again at its first use: "
                    + rootCause(outage));
        }
    }

    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.toString();
    }
}
