package org.passkeyee.it.existing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.passkeyee.PasskeyAuthenticationMechanismDefinition;

/**
 * TEST-ONLY: the application's security configuration. The database store is in its default
 * mode (validates and provides groups). The passkey annotation is the one line a team adds;
 * the servers' {@code passkey.origins} property gives the real origin. Managers may delete
 * passkey accounts; sessions are checked again every second, so that the tests see a disabled
 * or deleted account signed out without waiting.
 */
@ApplicationScoped
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "java:app/jdbc/InventoryDS",
        callerQuery = "SELECT PASSWORD_HASH FROM APP_USER WHERE NAME = ? AND ENABLED = TRUE",
        groupsQuery = "SELECT GROUP_NAME FROM APP_GROUP WHERE NAME = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class,
        priority = 10)
@PasskeyAuthenticationMechanismDefinition(
        rpId = "localhost",
        rpName = "Inventory",
        origins = "http://localhost",
        loginPage = "/signin.html",
        defaultRedirect = "/",
        adminRole = BadgeIdentityStore.MANAGERS,
        groupRefreshSeconds = 1)
public class InventorySecurity {
}
