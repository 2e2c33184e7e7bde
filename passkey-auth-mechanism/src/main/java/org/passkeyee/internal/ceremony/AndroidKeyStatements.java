package org.passkeyee.internal.ceremony;

import com.fasterxml.jackson.databind.JsonNode;
import com.yubico.webauthn.data.AttestationObject;
import com.yubico.webauthn.data.AttestedCredentialData;
import com.yubico.webauthn.data.ByteArray;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;

/**
 * Verifies an {@code android-key} attestation statement (WebAuthn §8.4), which Yubico's library
 * does not: the signature over the authenticator data and client data hash with the first
 * certificate's key, that key being the new credential's, and the certificate's Android key
 * description saying the key was made for this challenge ({@code attestationChallenge}), for
 * this RP only (no {@code allApplications}), generated in the keystore ({@code origin}
 * {@code KM_ORIGIN_GENERATED}) for signing ({@code purpose} {@code KM_PURPOSE_SIGN}), in either
 * authorization list. A statement that fails is {@code registration_rejected}. Whether its chain
 * is trusted stays the metadata's question: Yubico reports it untrusted, so under
 * {@code passkey.attestation=direct} it is still refused.
 */
final class AndroidKeyStatements {

    static final String KEY_DESCRIPTION_OID = "1.3.6.1.4.1.11129.2.1.17";
    private static final int PURPOSE = 1;
    private static final int ALL_APPLICATIONS = 600;
    private static final int ORIGIN = 702;
    private static final BigInteger KM_ORIGIN_GENERATED = BigInteger.ZERO;
    private static final BigInteger KM_PURPOSE_SIGN = BigInteger.TWO;
    private static final Map<Long, String> SIGNATURES = Map.of(-7L, "SHA256withECDSA", -35L, "SHA384withECDSA",
            -36L, "SHA512withECDSA", -257L, "SHA256withRSA", -258L, "SHA384withRSA", -259L, "SHA512withRSA");

    private AndroidKeyStatements() {
    }

    /**
     * Checks an {@code android-key} statement whose chain {@link AttestationStatements} has read.
     *
     * @param leaf the chain's first certificate, {@code null} when the statement has no chain
     */
    static void check(AttestationObject attestation, X509Certificate leaf, ByteArray clientDataJson) {
        JsonNode statement = attestation.getAttestationStatement();
        JsonNode alg = statement.get("alg");
        JsonNode sig = statement.get("sig");
        if (leaf == null || alg == null || !alg.canConvertToLong() || sig == null || !sig.isBinary()
                || !SIGNATURES.containsKey(alg.asLong())) {
            throw AttestationStatements.refused();
        }
        byte[] clientDataHash = sha256(clientDataJson.getBytes());
        boolean valid = signatureVerifies(SIGNATURES.get(alg.asLong()), leaf.getPublicKey(),
                attestation.getAuthenticatorData().getBytes().concat(new ByteArray(clientDataHash)).getBytes(), AttestationStatements.binary(sig))
                && sameKey(leaf.getPublicKey(), credentialKey(attestation))
                && describesThisKey(leaf.getExtensionValue(KEY_DESCRIPTION_OID), clientDataHash);
        if (!valid) {
            throw AttestationStatements.refused();
        }
    }

    /** The key description: this challenge, no allApplications, generated, for signing. */
    static boolean describesThisKey(byte[] extension, byte[] clientDataHash) {
        if (extension == null) {
            return false;
        }
        try {
            Der.Element wrapped = Der.element(extension);
            List<Der.Element> description = Der.element(wrapped.content()).children();
            if (!wrapped.is(Der.UNIVERSAL, Der.OCTET_STRING) || description.size() < 8
                    || !description.get(4).is(Der.UNIVERSAL, Der.OCTET_STRING)
                    || !MessageDigest.isEqual(description.get(4).content(), clientDataHash)) {
                return false;
            }
            List<Der.Element> software = description.get(6).children();
            List<Der.Element> hardware = description.get(7).children();
            return !has(software, ALL_APPLICATIONS) && !has(hardware, ALL_APPLICATIONS)
                    && (hasInteger(software, ORIGIN, KM_ORIGIN_GENERATED) || hasInteger(hardware, ORIGIN, KM_ORIGIN_GENERATED))
                    && (hasPurpose(software) || hasPurpose(hardware));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static boolean has(List<Der.Element> list, int tag) {
        return list.stream().anyMatch(element -> element.is(Der.CONTEXT, tag));
    }

    private static boolean hasInteger(List<Der.Element> list, int tag, BigInteger value) {
        return list.stream().filter(element -> element.is(Der.CONTEXT, tag))
                .map(element -> Der.element(element.content()))
                .anyMatch(integer -> integer.is(Der.UNIVERSAL, Der.INTEGER) && new BigInteger(integer.content()).equals(value));
    }

    private static boolean hasPurpose(List<Der.Element> list) {
        return list.stream().filter(element -> element.is(Der.CONTEXT, PURPOSE))
                .map(element -> Der.element(element.content()))
                .filter(set -> set.is(Der.UNIVERSAL, Der.SET))
                .flatMap(set -> set.children().stream())
                .anyMatch(integer -> integer.is(Der.UNIVERSAL, Der.INTEGER) && new BigInteger(integer.content()).equals(KM_PURPOSE_SIGN));
    }

    private static boolean signatureVerifies(String algorithm, PublicKey key, byte[] signed, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(key);
            verifier.update(signed);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException unverifiable) {
            return false;
        }
    }

    /** Whether the certificate's key is the credential's: the same EC point or RSA modulus and exponent. */
    private static boolean sameKey(PublicKey certified, PublicKey credential) {
        if (certified instanceof ECPublicKey a && credential instanceof ECPublicKey b) {
            return a.getW().equals(b.getW()) && a.getParams().getCurve().equals(b.getParams().getCurve());
        }
        return certified instanceof RSAPublicKey a && credential instanceof RSAPublicKey b
                && a.getModulus().equals(b.getModulus()) && a.getPublicExponent().equals(b.getPublicExponent());
    }

    private static PublicKey credentialKey(AttestationObject attestation) {
        ByteArray cose = attestation.getAuthenticatorData().getAttestedCredentialData()
                .map(AttestedCredentialData::getCredentialPublicKey).orElseThrow(AttestationStatements::refused);
        return NewCredentialLimits.publicKey(cose).orElseThrow(AttestationStatements::refused);
    }


    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
