package org.passkeyee.it.existing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.passkeyee.PasskeyAuthenticationMechanismDefinition;

/**
 * TEST-ONLY: the application's security configuration. The database store is in its default
 * mode (validates and provides groups). The passkey annotation is the one line a team adds;
 * the servers' {@code passkey.origins} property gives the real origin.
 */
@ApplicationScoped
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "java:app/jdbc/InventoryDS",
        callerQuery = "SELECT PASSWORD_HASH FROM APP_USER WHERE NAME = ?",
        groupsQuery = "SELECT GROUP_NAME FROM APP_GROUP WHERE NAME = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class,
        priority = 10)
@PasskeyAuthenticationMechanismDefinition(
        rpId = "localhost",
        rpName = "Inventory",
        origins = "http://localhost",
        loginPage = "/signin.html",
        defaultRedirect = "/")
public class InventorySecurity {
}
