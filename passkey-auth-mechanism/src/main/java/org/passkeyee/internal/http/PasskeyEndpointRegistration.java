package org.passkeyee.internal.http;

import jakarta.enterprise.inject.Instance;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import java.util.Optional;
import java.util.logging.Logger;
import org.passkeyee.PasskeyConfiguration;
import org.passkeyee.internal.config.ClusterReadiness;
import org.passkeyee.internal.config.SwitchedOn;
import org.passkeyee.internal.security.CrossSiteRequests;

/**
 * Maps the endpoint servlet under the configured prefix when the application switched passkeys
 * on. The prefix is configuration, so the mapping cannot be an annotation. An application whose
 * {@code web.xml} is {@code metadata-complete} must declare this listener itself.
 */
@WebListener
public class PasskeyEndpointRegistration implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(PasskeyEndpointRegistration.class.getName());
    static final String SERVLET_NAME = "passkey-endpoints";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Optional<Instance<Object>> switchedOn = SwitchedOn.beans();
        if (switchedOn.isEmpty()) {
            return;
        }
        Instance<Object> beans = switchedOn.get();
        Instance<PasskeyConfiguration> configuration = beans.select(PasskeyConfiguration.class);
        EndpointPaths paths = new EndpointPaths(configuration.get().endpointPrefix());
        ServletContext context = event.getServletContext();
        ClusterReadiness.check(context);
        ServletRegistration.Dynamic servlet = context.addServlet(SERVLET_NAME, new PasskeyEndpointServlet(
                paths, beans.select(CeremonyEndpoints.class).get(), beans.select(ManagementEndpoints.class).get(),
                beans.select(AccountEndpoints.class).get(), new CrossSiteRequests(configuration.get().origins())));
        servlet.addMapping(paths.prefix() + "/*");
        sameSiteLaxUnlessSet(context.getSessionCookieConfig());
        LOG.info(() -> "Passkey endpoints served at " + context.getContextPath() + paths.prefix()
                + " for relying party " + configuration.get().rpId() + ", origins " + configuration.get().origins());
    }

    /**
     * {@code SameSite=Lax} on the session cookie, unless the application chose a value: browsers
     * then send it on links from other sites but not on their forms' POSTs, a second defence
     * against cross-site request forgery beside the {@code Origin} checks.
     */
    private static void sameSiteLaxUnlessSet(SessionCookieConfig cookie) {
        try {
            if (cookie.getAttribute("SameSite") == null) {
                cookie.setAttribute("SameSite", "Lax");
            }
        } catch (IllegalStateException | UnsupportedOperationException notHere) {
            LOG.fine(() -> "The session cookie's SameSite attribute cannot be set here: " + notHere);
        }
    }
}
