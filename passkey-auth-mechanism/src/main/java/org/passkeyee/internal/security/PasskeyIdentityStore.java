package org.passkeyee.internal.security;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.EnumSet;
import java.util.Set;
import org.passkeyee.PasskeyUser;
import org.passkeyee.internal.shared.Refusal;
import org.passkeyee.internal.ceremony.AuthenticationCeremony;
import org.passkeyee.internal.ceremony.VerifiedSignIn;

/**
 * The identity store that validates passkeys. The groups of the caller it returns come from the
 * application's own identity stores: those that only provide groups are asked by the container's
 * identity store handler; of those that also validate (the default of Jakarta Security's database
 * and LDAP stores), only the one that vouched for the account's name is asked, here, through
 * {@link VouchingStores}, and its groups travel in this store's result. So a person gets exactly
 * the groups their password gives them.
 *
 * <p>A refused passkey leaves {@link #validate} as the ceremony's {@link Refusal}, which the
 * standard identity store handler lets through to the mechanism, so that the answer names the
 * cause; stores after this one do not know passkeys and would not validate it anyway.
 */
@Singleton
public class PasskeyIdentityStore implements IdentityStore {

    private final AuthenticationCeremony authentication;
    private final VouchingStores vouchingStores;

    @Inject
    PasskeyIdentityStore(AuthenticationCeremony authentication, VouchingStores vouchingStores) {
        this.authentication = authentication;
        this.vouchingStores = vouchingStores;
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof PasskeyAssertionCredential assertion) {
            VerifiedSignIn signIn = authentication.finish(assertion.ceremony(), assertion.response());
            assertion.verified(signIn);
            PasskeyUser owner = signIn.owner();
            return new CredentialValidationResult(owner.username(),
                    vouchingStores.groupsOf(vouchingStores.vouchedByOf(owner), owner.username()));
        }
        if (credential instanceof PasskeySignUpCredential signUp) {
            return new CredentialValidationResult(signUp.callerName(), Set.of());
        }
        return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

    /** Also {@code PROVIDE_GROUPS} when it hands on a vouching store's groups, or the handler would drop them. */
    @Override
    public Set<ValidationType> validationTypes() {
        return vouchingStores.groupsEnabled() ? EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS)
                : EnumSet.of(ValidationType.VALIDATE);
    }
}
