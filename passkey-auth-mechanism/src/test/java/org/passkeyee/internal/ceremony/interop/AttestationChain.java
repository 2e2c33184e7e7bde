package org.passkeyee.internal.ceremony.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.yubico.webauthn.data.AttestationObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * TEST-ONLY: the certificate chain ({@code x5c}) of a recorded attested registration and the
 * AAGUID of its authenticator data: what its FIDO metadata entry is found by, and when its
 * certificates were valid.
 *
 * @param certificates the {@code x5c} chain, the attestation certificate first
 * @param aaguid       lower-case dashed; all zeros for U2F and older Apple responses
 */
record AttestationChain(List<X509Certificate> certificates, String aaguid) {

    private static final String ZERO_AAGUID = new UUID(0, 0).toString();

    /** The chain of the vector's registration, if its attestation statement has an {@code x5c}. */
    static Optional<AttestationChain> of(InteropVector vector) {
        try {
            AttestationObject attestation = new AttestationObject(vector.registration().attestationObject());
            JsonNode x5c = attestation.getAttestationStatement().get("x5c");
            if (x5c == null) {
                return Optional.empty();
            }
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> certificates = new ArrayList<>();
            for (JsonNode certificate : x5c) {
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(certificate.binaryValue())));
            }
            ByteBuffer aaguid = ByteBuffer.wrap(
                    attestation.getAuthenticatorData().getAttestedCredentialData().orElseThrow().getAaguid().getBytes());
            return Optional.of(new AttestationChain(List.copyOf(certificates), new UUID(aaguid.getLong(), aaguid.getLong()).toString()));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(vector.name() + ": unreadable attestation", e);
        }
    }

    /** The topmost certificate of the chain. */
    X509Certificate top() {
        return certificates.get(certificates.size() - 1);
    }

    /** Whether the authenticator data names its model; U2F responses, and older Apple ones, carry a zero AAGUID. */
    boolean hasAaguid() {
        return !ZERO_AAGUID.equals(aaguid);
    }

    /**
     * The attestation certificate's key identifier, by which FIDO metadata lists authenticators
     * without an AAGUID ({@code attestationCertificateKeyIdentifiers}): the hex SHA-1 of its
     * public key bits (RFC 5280 §4.2.1.2, method 1).
     */
    String keyIdentifier() {
        try {
            byte[] key = SubjectPublicKeyInfo.getInstance(certificates.get(0).getPublicKey().getEncoded()).getPublicKeyData().getBytes();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(key));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The middle of the time when the chain's certificates and {@code anchor} were all valid:
     * recorded certificates expire, and the Apple ones live three days.
     *
     * @throws IllegalStateException when they never were valid at once
     */
    Instant validMidpoint(X509Certificate anchor) {
        List<X509Certificate> all = Stream.concat(certificates.stream(), Stream.of(anchor)).toList();
        Instant from = all.stream().map(c -> c.getNotBefore().toInstant()).max(Comparator.naturalOrder()).orElseThrow();
        Instant until = all.stream().map(c -> c.getNotAfter().toInstant()).min(Comparator.naturalOrder()).orElseThrow();
        if (!from.isBefore(until)) {
            throw new IllegalStateException("The certificates were never valid at once: " + from + " to " + until);
        }
        return from.plus(Duration.between(from, until).dividedBy(2));
    }
}
