package org.passkeyee.sample;

import jakarta.enterprise.context.ApplicationScoped;
import org.passkeyee.PasskeyAuthenticationMechanismDefinition;

/**
 * Switches passkey sign-in on for the sample. The values suit {@code http://localhost:8080/};
 * an admin overrides any of them without rebuilding, e.g. {@code -Dpasskey.origins=...}.
 */
@ApplicationScoped
@PasskeyAuthenticationMechanismDefinition(
        rpId = "localhost",
        rpName = "Passkey sample",
        origins = "http://localhost:8080",
        signUpAllowed = true,
        loginPage = "/login.xhtml",
        defaultRedirect = "/account/")
public class SecurityConfiguration {
}
