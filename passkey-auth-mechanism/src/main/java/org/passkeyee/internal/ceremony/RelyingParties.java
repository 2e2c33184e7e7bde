package org.passkeyee.internal.ceremony;

import com.yubico.webauthn.CredentialRepository;
import com.yubico.webauthn.RelyingParty;
import com.yubico.webauthn.data.AttestationConveyancePreference;
import com.yubico.webauthn.data.RelyingPartyIdentity;
import com.yubico.webauthn.data.UserVerificationRequirement;
import java.time.Clock;
import java.util.LinkedHashSet;
import org.passkeyee.PasskeyConfiguration;
import org.passkeyee.internal.config.AttestationPolicy;

/**
 * Yubico's {@link RelyingParty} as the configuration describes it: RP ID and name, the accepted
 * origins, the attestation asked for ({@code passkey.attestation}, none by default), and no
 * signature counter check, which the sign-in does itself so that a counter going backwards is
 * refused with its own code after the signature proved the response genuine.
 *
 * <p>Untrusted attestation is always let through Yubico's verification: whether it is acceptable
 * is decided once, afterwards, by {@link AuthenticatorAdmission} from
 * {@code RegistrationResult.isAttestationTrusted()}, with its own error code.
 */
final class RelyingParties {

    private RelyingParties() {
    }

    /** A relying party that reads credentials from {@code credentials} and asks for no attestation. */
    static RelyingParty of(PasskeyConfiguration configuration, CredentialRepository credentials) {
        return of(configuration, credentials, AttestationPolicy.NONE, AuthenticatorMetadata.none(), Clock.systemUTC());
    }

    /**
     * A relying party that reads credentials from {@code credentials}, asks for attestation as
     * {@code attestation} says and finds attestation trust roots in {@code metadata}, checking the
     * certificate chains' validity at the time {@code attestationClock} tells.
     */
    static RelyingParty of(PasskeyConfiguration configuration, CredentialRepository credentials,
                           AttestationPolicy attestation, AuthenticatorMetadata metadata, Clock attestationClock) {
        RelyingParty.RelyingPartyBuilder builder = RelyingParty.builder()
                .identity(RelyingPartyIdentity.builder().id(configuration.rpId()).name(configuration.rpName()).build())
                .credentialRepository(credentials)
                .origins(new LinkedHashSet<>(configuration.ceremonyOrigins()))
                .attestationConveyancePreference(switch (attestation) {
                    case NONE -> AttestationConveyancePreference.NONE;
                    case DIRECT -> AttestationConveyancePreference.DIRECT;
                    case ENTERPRISE -> AttestationConveyancePreference.ENTERPRISE;
                })
                .allowUntrustedAttestation(true)
                .validateSignatureCounter(false)
                .clock(attestationClock);
        metadata.trustSource().ifPresent(builder::attestationTrustSource);
        return builder.build();
    }

    /** The configured policy in Yubico's terms. */
    static UserVerificationRequirement userVerification(PasskeyConfiguration configuration) {
        return UserVerificationRequirement.valueOf(configuration.userVerification().name());
    }
}
