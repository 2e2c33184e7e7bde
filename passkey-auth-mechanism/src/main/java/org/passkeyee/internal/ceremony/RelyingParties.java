package org.passkeyee.internal.ceremony;

import com.yubico.webauthn.CredentialRepository;
import com.yubico.webauthn.RelyingParty;
import com.yubico.webauthn.data.AttestationConveyancePreference;
import com.yubico.webauthn.data.RelyingPartyIdentity;
import com.yubico.webauthn.data.UserVerificationRequirement;
import java.util.LinkedHashSet;
import org.passkeyee.PasskeyConfiguration;

/**
 * Yubico's {@link RelyingParty} as the configuration describes it: RP ID and name, the accepted
 * origins, no attestation asked for (any authenticator may register), and no signature counter
 * check, which the sign-in does itself so that a counter going backwards is refused with its own
 * code after the signature proved the response genuine.
 */
final class RelyingParties {

    private RelyingParties() {
    }

    /** A relying party that reads credentials from {@code credentials}. */
    static RelyingParty of(PasskeyConfiguration configuration, CredentialRepository credentials) {
        return RelyingParty.builder()
                .identity(RelyingPartyIdentity.builder().id(configuration.rpId()).name(configuration.rpName()).build())
                .credentialRepository(credentials)
                .origins(new LinkedHashSet<>(configuration.ceremonyOrigins()))
                .attestationConveyancePreference(AttestationConveyancePreference.NONE)
                .allowUntrustedAttestation(true)
                .validateSignatureCounter(false)
                .build();
    }

    /** The configured policy in Yubico's terms. */
    static UserVerificationRequirement userVerification(PasskeyConfiguration configuration) {
        return UserVerificationRequirement.valueOf(configuration.userVerification().name());
    }
}
