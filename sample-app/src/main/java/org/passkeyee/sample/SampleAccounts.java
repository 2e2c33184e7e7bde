package org.passkeyee.sample;

import jakarta.enterprise.context.ApplicationScoped;
import org.passkeyee.PasskeyAccounts;

/**
 * Allows sign-up for any name that neither the sample's directory nor its password accounts know,
 * compared as the directory compares names: without regard to case or accents
 * ({@link DirectoryIdentityStore#comparable}). A name compared more strictly here than in the
 * directory could be handed out and then read by the directory as someone else's. A password
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
