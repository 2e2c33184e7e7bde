package org.passkeyee.internal.security;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.EnumSet;
import java.util.Set;
import org.passkeyee.internal.ceremony.AuthenticationCeremony;

/**
 * The identity store that validates passkeys. The groups of the caller it returns come from the
 * application's own identity stores: those that only provide groups are asked by the container's
 * identity store handler; those that also validate (the default of Jakarta Security's database
 * and LDAP stores) are asked here, through {@link ValidatingStoreGroups}, and their groups travel
 * in this store's result. So a person keeps the groups they had with their password.
 *
 * <p>A refused passkey leaves {@link #validate} as the ceremony's {@link Refusal}, which the
 * standard identity store handler lets through to the mechanism, so that the answer names the
 * cause; stores after this one do not know passkeys and would not validate it anyway.
 */
@Singleton
public class PasskeyIdentityStore implements IdentityStore {

    private final AuthenticationCeremony authentication;
    private final ValidatingStoreGroups groups;

    @Inject
    PasskeyIdentityStore(AuthenticationCeremony authentication, ValidatingStoreGroups groups) {
        this.authentication = authentication;
        this.groups = groups;
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof PasskeyAssertionCredential assertion) {
            return signedIn(authentication.finish(assertion.ceremony(), assertion.response()).username());
        }
        if (credential instanceof PasskeySignUpCredential signUp) {
            return signedIn(signUp.callerName());
        }
        return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

    private CredentialValidationResult signedIn(String callerName) {
        return new CredentialValidationResult(callerName, groups.groupsOf(callerName));
    }

    /** Also {@code PROVIDE_GROUPS} when it hands on other stores' groups, or the handler would drop them. */
    @Override
    public Set<ValidationType> validationTypes() {
        return groups.enabled() ? EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS)
                : EnumSet.of(ValidationType.VALIDATE);
    }
}
