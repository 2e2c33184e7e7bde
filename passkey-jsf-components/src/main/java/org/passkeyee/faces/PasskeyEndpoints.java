package org.passkeyee.faces;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.FacesException;
import jakarta.faces.context.FacesContext;
import org.passkeyee.PasskeyConfiguration;

/**
 * Where the widgets find the core: the endpoint prefix and the login page of the application's
 * {@link PasskeyConfiguration}, made absolute with the context path, and the ceremony lifetime
 * (the autofill request is renewed before it).
 *
 * @param endpoint        context path plus endpoint prefix, e.g. {@code /shop/passkey}
 * @param loginPage       context path plus login page, e.g. {@code /shop/login.xhtml}
 * @param ceremonyMillis  how long a ceremony the server started stays valid
 */
record PasskeyEndpoints(String endpoint, String loginPage, long ceremonyMillis) {

    /**
     * The endpoints of the running application; fails clearly when passkeys are not switched on.
     * Faces components are not injection targets, so this is the module's one look-up of a bean
     * ({@code CDI.current()}): the bootstrap hand-off from a component to the configuration.
     */
    static PasskeyEndpoints of(FacesContext context) {
        Instance<PasskeyConfiguration> configuration = CDI.current().select(PasskeyConfiguration.class);
        if (!configuration.isResolvable()) {
            throw new FacesException("The passkey components need passkey sign-in switched on: put "
                    + "@PasskeyAuthenticationMechanismDefinition on one bean of the application.");
        }
        return of(context.getExternalContext().getRequestContextPath(), configuration.get());
    }

    /** The endpoints for a context path and a configuration. */
    static PasskeyEndpoints of(String contextPath, PasskeyConfiguration configuration) {
        return new PasskeyEndpoints(contextPath + configuration.endpointPrefix(),
                contextPath + configuration.loginPage(), configuration.ceremonyTimeout().toMillis());
    }

    /**
     * When the autofill request should be renewed: a safety margin before the ceremony expires
     * (a fifth of its lifetime, at most a minute), so the challenge is never stale when used.
     */
    long refreshMillis() {
        return ceremonyMillis - Math.min(ceremonyMillis / 5, 60_000L);
    }
}
