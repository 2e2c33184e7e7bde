package org.passkeyee.internal.security;

import jakarta.security.enterprise.credential.Credential;

/**
 * The proof that a sign-up ceremony just completed for this caller. Only
 * {@link org.passkeyee.internal.ceremony.RegistrationCeremony#completeSignUp} results lead to one, and only code of this package
 * can create it, so the passkey identity store can accept it as it is; passing it through the
 * {@code IdentityStoreHandler} lets the application's other stores add the new caller's groups.
 */
final class PasskeySignUpCredential implements Credential {

    private final String callerName;

    PasskeySignUpCredential(String callerName) {
        this.callerName = callerName;
    }

    String callerName() {
        return callerName;
    }
}
