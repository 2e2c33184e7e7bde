package org.passkeyee.browser.existing;

import jakarta.enterprise.context.ApplicationScoped;
import org.passkeyee.PasskeyAuthenticationMechanismDefinition;

/**
 * The "existing application" of {@code ExistingAppIT}: its own login page and members area, and a
 * changed endpoint prefix, so the widgets must take it from the configuration. Its
 * re-authentication window is short, so that a test sees the step-up in place.
 */
@ApplicationScoped
@PasskeyAuthenticationMechanismDefinition(
        rpId = "localhost",
        rpName = "Shop",
        origins = "http://localhost:8080",
        endpointPrefix = "/auth/passkey",
        signUpAllowed = true,
        loginPage = "/ExistingAppIT.xhtml",
        defaultRedirect = "/members/ExistingAppIT-members.xhtml",
        reauthenticationWindowSeconds = ShopSecurity.REAUTHENTICATION_WINDOW_SECONDS)
public class ShopSecurity {

    /** How recent a proof adding, renaming and deleting passkeys need here. */
    public static final int REAUTHENTICATION_WINDOW_SECONDS = 4;
}
