package org.passkeyee.browser.existing;

import jakarta.enterprise.context.ApplicationScoped;
import org.passkeyee.PasskeyAuthenticationMechanismDefinition;

/**
 * The "existing application" of {@code ExistingAppIT}: its own login page and members area, and a
 * changed endpoint prefix, so the widgets must take it from the configuration.
 */
@ApplicationScoped
@PasskeyAuthenticationMechanismDefinition(
        rpId = "localhost",
        rpName = "Shop",
        origins = "http://localhost:8080",
        endpointPrefix = "/auth/passkey",
        signUpAllowed = true,
        loginPage = "/ExistingAppIT.xhtml",
        defaultRedirect = "/members/ExistingAppIT-members.xhtml")
public class ShopSecurity {
}
