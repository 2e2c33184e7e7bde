package org.passkeyee.browser.existing;

import jakarta.enterprise.context.ApplicationScoped;
import org.passkeyee.PasskeyAccounts;

/** The shop lets anyone sign up: it has no other identity store whose names a newcomer could take. */
@ApplicationScoped
public class ShopAccounts implements PasskeyAccounts {

    @Override
    public boolean isUsernameAvailable(String username) {
        return true;
    }
}
