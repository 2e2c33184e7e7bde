package org.passkeyee.sample;

import jakarta.enterprise.context.ApplicationScoped;
import org.passkeyee.PasskeyAccounts;

/**
 * Allows sign-up for any name the sample's directory does not know, compared without regard to
 * case, since a directory usually compares names that way.
 */
@ApplicationScoped
public class SampleAccounts implements PasskeyAccounts {

    @Override
    public boolean isUsernameAvailable(String username) {
        return !DirectoryIdentityStore.isDirectoryName(username);
    }
}
