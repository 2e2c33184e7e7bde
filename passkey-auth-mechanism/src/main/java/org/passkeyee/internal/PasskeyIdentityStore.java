package org.passkeyee.internal;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.EnumSet;
import java.util.Set;

/**
 * The identity store that validates passkeys. It only validates (it provides no groups): the
 * application's own identity stores that provide groups add them to the caller it returns, so
 * LDAP or database groups keep working for passkey callers.
 */
@Singleton
public class PasskeyIdentityStore implements IdentityStore {

    private final AuthenticationCeremony authentication;

    @Inject
    PasskeyIdentityStore(AuthenticationCeremony authentication) {
        this.authentication = authentication;
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof PasskeyAssertionCredential assertion) {
            try {
                AuthenticationCeremony.VerifiedSignIn signIn = authentication.finish(assertion.ceremony(), assertion.response());
                assertion.verified(signIn.credentialId());
                return new CredentialValidationResult(signIn.username());
            } catch (CeremonyException refusal) {
                assertion.refused(refusal.code());
                return CredentialValidationResult.INVALID_RESULT;
            }
        }
        if (credential instanceof PasskeySignUpCredential signUp) {
            return new CredentialValidationResult(signUp.callerName());
        }
        return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.VALIDATE);
    }
}
