package org.passkeyee.internal;

import com.yubico.webauthn.RelyingParty;
import com.yubico.webauthn.data.AttestationConveyancePreference;
import com.yubico.webauthn.data.RelyingPartyIdentity;
import com.yubico.webauthn.data.UserVerificationRequirement;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.logging.Logger;
import org.passkeyee.PasskeyConfiguration;
import org.passkeyee.PasskeyCredentialStore;

/**
 * The relying party as configured: Yubico's {@link RelyingParty} plus what both ceremonies share
 * (the pending-ceremony slots, the decoy credentials, the configuration).
 *
 * <p>The signature counter is checked by the ceremony itself (Yubico's check is switched off) so
 * that a counter going backwards is refused with its own code and raised as an event, after the
 * signature proved the response genuine.
 */
@Singleton
public class PasskeyRelyingParty {

    private static final Logger LOG = Logger.getLogger(PasskeyRelyingParty.class.getName());

    private final PasskeyConfiguration configuration;
    private final RelyingParty relyingParty;
    private final PendingCeremonies pendingCeremonies;
    private final DecoyCredentials decoys;

    @Inject
    PasskeyRelyingParty(PasskeyConfiguration configuration, PasskeyCredentialStore store) {
        this.configuration = configuration;
        this.relyingParty = RelyingParty.builder()
                .identity(RelyingPartyIdentity.builder().id(configuration.rpId()).name(configuration.rpName()).build())
                .credentialRepository(new StoreCredentialRepository(store))
                .origins(new LinkedHashSet<>(configuration.origins()))
                .attestationConveyancePreference(AttestationConveyancePreference.NONE)
                .allowUntrustedAttestation(true)
                .validateSignatureCounter(false)
                .build();
        this.pendingCeremonies = new PendingCeremonies(configuration.ceremonyTimeout(), configuration.maxAnonymousCeremonies(),
                Clock.systemUTC());
        this.decoys = new DecoyCredentials(decoySecret());
    }

    RelyingParty relyingParty() {
        return relyingParty;
    }

    PasskeyConfiguration configuration() {
        return configuration;
    }

    PendingCeremonies pendingCeremonies() {
        return pendingCeremonies;
    }

    DecoyCredentials decoys() {
        return decoys;
    }

    UserVerificationRequirement userVerification() {
        return UserVerificationRequirement.valueOf(configuration.userVerification().name());
    }

    private static byte[] decoySecret() {
        return PropertyOverrides.forCurrentApplication().apply("passkey.decoy-secret")
                .map(secret -> secret.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .orElseGet(() -> {
                    LOG.info("passkey.decoy-secret is not set: decoy credential IDs for unknown usernames change at "
                            + "every start. Set it to the same secret on every server of a cluster.");
                    byte[] random = new byte[32];
                    new SecureRandom().nextBytes(random);
                    return random;
                });
    }
}
