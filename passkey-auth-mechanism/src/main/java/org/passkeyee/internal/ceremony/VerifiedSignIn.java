package org.passkeyee.internal.ceremony;

import org.passkeyee.PasskeyUser;

/**
 * A sign-in that passed every check of {@link AuthenticationCeremony}.
 *
 * @param owner        the passkey's account
 * @param credentialId the passkey's credential ID, base64url
 * @param userVerified whether the authenticator verified the person
 */
public record VerifiedSignIn(PasskeyUser owner, String credentialId, boolean userVerified) {

    /** The caller name. */
    public String username() {
        return owner.username();
    }
}
