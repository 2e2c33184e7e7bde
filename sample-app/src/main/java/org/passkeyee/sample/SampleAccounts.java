package org.passkeyee.sample;

import jakarta.enterprise.context.ApplicationScoped;
import org.passkeyee.PasskeyAccounts;

/**
 * Allows sign-up for any name that neither the sample's directory nor its password accounts know,
 * compared without regard to case, since a directory usually compares names that way. A password
 * account can sign in without passkeys, so its last passkey may be deleted.
 */
@ApplicationScoped
public class SampleAccounts implements PasskeyAccounts {

    @Override
    public boolean isUsernameAvailable(String username) {
        return !DirectoryIdentityStore.isDirectoryName(username) && !PasswordIdentityStore.isPasswordAccount(username);
    }

    @Override
    public boolean hasOtherSignInMethod(String callerName) {
        return PasswordIdentityStore.isPasswordAccount(callerName);
    }
}
