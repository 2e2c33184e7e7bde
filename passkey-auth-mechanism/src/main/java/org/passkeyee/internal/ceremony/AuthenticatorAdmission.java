package org.passkeyee.internal.ceremony;

import com.yubico.fido.metadata.AuthenticatorStatus;
import com.yubico.webauthn.data.AttestationConveyancePreference;
import com.yubico.webauthn.data.PublicKeyCredentialCreationOptions;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Logger;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.internal.config.AuthenticatorPolicy;
import org.passkeyee.internal.config.RolePolicy;
import org.passkeyee.internal.shared.Refusal;

/**
 * Decides whether a verified new passkey's authenticator may register
 * ({@link AuthenticatorPolicy}): the AAGUID lists, a verified attestation when the policy asks
 * for one, the metadata status of its model, and the rules for the caller's roles. Every refusal
 * is {@link PasskeyErrorCode#AUTHENTICATOR_NOT_ALLOWED}; the reason goes to the log only, so that
 * a client probing the policy learns nothing more than "not accepted".
 */
final class AuthenticatorAdmission {

    private static final Logger LOG = Logger.getLogger(AuthenticatorAdmission.class.getName());

    private final AuthenticatorPolicy policy;
    private final AuthenticatorMetadata metadata;

    AuthenticatorAdmission(AuthenticatorPolicy policy, AuthenticatorMetadata metadata) {
        this.policy = policy;
        this.metadata = metadata;
    }

    /**
     * The creation options, asking for {@code direct} attestation when the caller's role needs an
     * attested passkey and the policy does not ask everyone for it already: only such callers
     * see the browser's prompt to share their authenticator's make and model.
     */
    PublicKeyCredentialCreationOptions withAttestationFor(Predicate<String> callerInRole, PublicKeyCredentialCreationOptions options) {
        boolean roleNeedsIt = policy.rulesFor(callerInRole).stream().anyMatch(RolePolicy::attested);
        if (!roleNeedsIt || policy.attestation().required()) {
            return options;
        }
        return options.toBuilder().attestation(AttestationConveyancePreference.DIRECT).build();
    }

    /** What Yubico's verification found out about the new passkey's authenticator. */
    record NewAuthenticator(String aaguid, boolean attestationTrusted, boolean backupEligible) {
    }

    /**
     * @param authenticator the verified registration's facts
     * @param callerInRole  the container's role test for the signed-in caller; none for a sign-up
     * @throws Refusal {@code authenticator_not_allowed}
     */
    void check(NewAuthenticator authenticator, Predicate<String> callerInRole) {
        String aaguid = authenticator.aaguid();
        if (!policy.listsAllow(aaguid)) {
            refuse(aaguid, "its AAGUID is denied or not on passkey.allowed-aaguids");
        }
        if (policy.attestation().required() && !authenticator.attestationTrusted()) {
            refuse(aaguid, "its attestation does not chain to a root of its FIDO metadata entry");
        }
        Optional<AuthenticatorStatus> compromise = metadata.compromise(aaguid);
        if (compromise.isPresent()) {
            refuse(aaguid, "the FIDO metadata reports it " + compromise.get());
        }
        for (RolePolicy rule : policy.rulesFor(callerInRole)) {
            if (rule.attested() && !authenticator.attestationTrusted()
                    || rule.allowed() && !policy.onAllowList(aaguid)
                    || rule.deviceBound() && authenticator.backupEligible()) {
                refuse(aaguid, "the rule " + rule + " of passkey.role-policies is not met (attested="
                        + authenticator.attestationTrusted() + ", backupEligible=" + authenticator.backupEligible() + ")");
            }
        }
    }

    private static void refuse(String aaguid, String why) {
        LOG.info(() -> "New passkey refused: authenticator aaguid=" + aaguid + ": " + why);
        throw new Refusal(PasskeyErrorCode.AUTHENTICATOR_NOT_ALLOWED);
    }
}
