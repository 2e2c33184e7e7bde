package org.passkeyee.internal.http;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;
import org.passkeyee.PasskeyConfiguration;
import org.passkeyee.internal.config.CeremonyKey;
import org.passkeyee.internal.config.ClusterReadiness;
import org.passkeyee.internal.config.DecoySecret;
import org.passkeyee.internal.config.WebXmlLogin;
import org.passkeyee.internal.security.VouchingStores;

/**
 * Maps the endpoint servlet under the configured prefix when the application switched passkeys
 * on. The prefix is configuration, so the mapping cannot be an annotation. An application whose
 * {@code web.xml} is {@code metadata-complete} must declare this listener itself.
 *
 * <p>The container injects it (listeners are injection targets); without the annotation on an
 * application bean, the configuration is not resolvable and nothing is mapped.
 */
@WebListener
public class PasskeyEndpointRegistration implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(PasskeyEndpointRegistration.class.getName());
    static final String SERVLET_NAME = "passkey-endpoints";

    @Inject
    Instance<PasskeyConfiguration> switchedOn;
    @Inject
    Instance<DecoySecret> decoySecret;
    @Inject
    Instance<CeremonyKey> ceremonyKey;
    @Inject
    Instance<CeremonyEndpoints> ceremonies;
    @Inject
    Instance<ManagementEndpoints> management;
    @Inject
    Instance<AccountEndpoints> accounts;
    @Inject
    Instance<VouchingStores> vouchingStores;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (switchedOn == null || !switchedOn.isResolvable()) {
            return;
        }
        PasskeyConfiguration configuration = switchedOn.get();
        ServletContext context = event.getServletContext();
        ClusterReadiness.check(context, decoySecret.get(), ceremonyKey.get());
        vouchingStores.get().checkKeysUnique();
        ServletRegistration.Dynamic servlet = context.addServlet(SERVLET_NAME,
                new PasskeyEndpointServlet(configuration, ceremonies.get(), management.get(), accounts.get()));
        servlet.addMapping(configuration.endpointPrefix() + "/*");
        carryOnWebXmlLogin(context);
        serveRelatedOrigins(context, configuration);
        sameSiteLaxUnlessSet(context.getSessionCookieConfig());
        LOG.info(() -> "Passkey endpoints served at " + context.getContextPath() + configuration.endpointPrefix()
                + " for relying party " + configuration.rpId() + ", origins " + configuration.origins());
    }

    /**
     * The application's {@code web.xml} {@code <login-config>}, carried on by the mechanism
     * ({@link WebXmlLogin}): a FORM login's {@code j_security_check} gets the servlet that answers
     * it once the mechanism signed the caller in. A login the mechanism cannot carry on is said at
     * WARNING, with what to change.
     */
    private static void carryOnWebXmlLogin(ServletContext context) {
        WebXmlLogin login = WebXmlLogin.read(context);
        context.setAttribute(WebXmlLogin.ATTRIBUTE, login);
        if (login.isForm()) {
            context.addServlet("passkey-form-login", new FormLoginServlet())
                    .addMapping(login.formActions().toArray(String[]::new));
            LOG.info(() -> "web.xml FORM login carried on beside passkeys: login page " + login.loginPage() + ", error page "
                    + login.errorPage() + ", j_security_check validated by the application's identity stores");
        } else if (login.isBasic()) {
            LOG.info("web.xml BASIC login carried on beside passkeys: Authorization: Basic validated by the application's"
                    + " identity stores");
        } else if (!login.authMethod().isEmpty()) {
            LOG.warning(() -> "web.xml asks for the " + login.authMethod() + " login, which the passkey mechanism cannot"
                    + " carry on (FORM with both pages, and BASIC, it can): its callers cannot sign in. Remove the"
                    + " login-config's auth-method, or sign them in through SecurityContext.authenticate.");
        }
    }

    /**
     * {@code /.well-known/webauthn} listing {@code passkey.related-origins}, when there are some
     * and the application is at the root context (the file must be at the root of the RP ID's
     * host; behind another context path, a proxy must serve it: the admin guide says how).
     */
    private static void serveRelatedOrigins(ServletContext context, PasskeyConfiguration configuration) {
        if (!RelatedOriginsServlet.worthServing(configuration.relatedOrigins())) {
            return;
        }
        if (!context.getContextPath().isEmpty()) {
            LOG.warning(() -> "passkey.related-origins is set, but the application is at " + context.getContextPath()
                    + ", not at the root: serve " + RelatedOriginsServlet.PATH + " from the root of " + configuration.rpId()
                    + " through the proxy (see the admin guide)");
            return;
        }
        context.addServlet("passkey-related-origins", new RelatedOriginsServlet(configuration.relatedOrigins()))
                .addMapping(RelatedOriginsServlet.PATH);
        LOG.info(() -> "Related origins served at " + RelatedOriginsServlet.PATH + ": " + configuration.relatedOrigins());
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
