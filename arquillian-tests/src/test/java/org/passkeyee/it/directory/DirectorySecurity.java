package org.passkeyee.it.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.LdapIdentityStoreDefinition;
import org.passkeyee.PasskeyAuthenticationMechanismDefinition;

/**
 * TEST-ONLY: the directory application's security: its people and groups in LDAP (the URL comes
 * from {@link DirectorySettings}, since the test starts the directory on a free port), passkeys
 * with sign-up on.
 */
@ApplicationScoped
@LdapIdentityStoreDefinition(
        url = "#{directorySettings.url}",
        callerBaseDn = DirectorySettings.PEOPLE,
        groupSearchBase = DirectorySettings.GROUPS)
@PasskeyAuthenticationMechanismDefinition(
        rpId = "localhost",
        rpName = "Directory",
        origins = "http://localhost",
        signUpAllowed = true,
        loginPage = "/signin.html",
        defaultRedirect = "/")
public class DirectorySecurity {
}
