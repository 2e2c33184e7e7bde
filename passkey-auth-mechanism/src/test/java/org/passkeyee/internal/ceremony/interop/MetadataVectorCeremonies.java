package org.passkeyee.internal.ceremony.interop;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.passkeyee.StoredPasskey;
import org.passkeyee.internal.ceremony.AuthenticatorMetadata;
import org.passkeyee.internal.ceremony.InProcessCeremonies;
import org.passkeyee.internal.config.AttestationPolicy;
import org.passkeyee.internal.config.AuthenticatorPolicy;
import org.passkeyee.internal.config.MetadataSource;
import org.passkeyee.internal.shared.Refusal;

/**
 * TEST-ONLY: a recorded registration through our registration ceremony with
 * {@code passkey.attestation=direct}, its trust roots from a metadata BLOB: the signed-in caller
 * adds the passkey as in {@link VectorCeremonies}. The BLOB is checked at the real time (the test
 * signs it now); the attestation chain at the instant given, when the recorded certificates were
 * valid.
 */
final class MetadataVectorCeremonies {

    private MetadataVectorCeremonies() {
    }

    /**
     * Registers the vector's credential. A {@link Refusal} is an outcome; any other exception escapes.
     *
     * @param blob            the metadata BLOB
     * @param blobRoot        the PEM file of the root the BLOB is signed under
     * @param attestationTime when the chain is checked
     */
    static Outcome register(InteropVector vector, Path blob, Path blobRoot, Instant attestationTime) {
        MetadataSource source = new MetadataSource(Optional.of(blob), Optional.empty(), Optional.of(blobRoot));
        AuthenticatorPolicy direct = new AuthenticatorPolicy(Set.of(), Set.of(), List.of(), AttestationPolicy.DIRECT,
                Optional.of(source));
        InProcessCeremonies ceremonies = InProcessCeremonies.of(VectorCeremonies.configuration(vector, false), direct,
                AuthenticatorMetadata.load(source), Clock.fixed(attestationTime, ZoneOffset.UTC));
        try {
            StoredPasskey stored = VectorCeremonies.register(ceremonies, SessionRequest.of(VectorCeremonies.CALLER), vector,
                    vector.registration());
            return new Outcome(InteropVector.Expected.ACCEPTED, 0, stored, storedUnder(ceremonies, vector));
        } catch (Refusal refusal) {
            return new Outcome(refusal.code().name(), refusal.status(), null, storedUnder(ceremonies, vector));
        }
    }

    private static boolean storedUnder(InProcessCeremonies ceremonies, InteropVector vector) {
        return ceremonies.store().findPasskey(vector.registration().credentialId()).isPresent();
    }

    /**
     * What our registration answered.
     *
     * @param registration {@code accepted} or the refusal's code
     * @param status       the refusal's HTTP status; 0 when accepted
     * @param stored       the stored passkey, when accepted
     * @param inStore      whether the store holds the credential afterwards
     */
    record Outcome(String registration, int status, StoredPasskey stored, boolean inStore) {
    }
}
