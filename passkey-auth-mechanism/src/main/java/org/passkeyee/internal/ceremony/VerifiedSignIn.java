package org.passkeyee.internal.ceremony;

import org.passkeyee.PasskeyUser;
import org.passkeyee.StoredPasskey;

/**
 * A sign-in that passed every check of {@link AuthenticationCeremony}.
 *
 * @param owner        the passkey's account
 * @param passkey      the passkey, as stored before this sign-in
 * @param userVerified whether the authenticator verified the person
 */
public record VerifiedSignIn(PasskeyUser owner, StoredPasskey passkey, boolean userVerified) {

    /** The passkey's credential ID, base64url. */
    public String credentialId() {
        return passkey.credentialId().getBase64Url();
    }

    /** The caller name. */
    public String username() {
        return owner.username();
    }
}
