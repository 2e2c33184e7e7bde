package org.passkeyee.it.existing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.passkeyee.PasskeyAccounts;

/**
 * TEST-ONLY: the application's say over passkey accounts. No sign-up (the default refuses every
 * name); a person the user table marks as gone may not sign in with a passkey either.
 */
@ApplicationScoped
public class InventoryAccounts implements PasskeyAccounts {

    @Inject
    Inventory inventory;

    @Override
    public boolean maySignIn(String callerName) {
        return inventory.isEnabled(callerName);
    }
}
