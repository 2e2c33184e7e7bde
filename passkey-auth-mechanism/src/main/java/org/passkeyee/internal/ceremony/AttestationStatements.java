package org.passkeyee.internal.ceremony;

import com.fasterxml.jackson.databind.JsonNode;
import com.yubico.webauthn.data.AttestationObject;
import com.yubico.webauthn.data.ByteArray;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Set;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.internal.shared.Refusal;

/**
 * Reads an attestation statement's certificate chain ({@code x5c}) and signature before Yubico
 * does (WebAuthn §8): Yubico logs a SEVERE stack trace with the whole attestation object for a
 * certificate it cannot parse, a signature the JVM cannot read or a key that does not fit the
 * algorithm, which anyone allowed to register could repeat at will. Such a statement is refused
 * here as {@code registration_rejected}, logging nothing; whether it verifies is still Yubico's
 * decision. A format WebAuthn does not define is refused too. A statement with a chain must name
 * an algorithm of its key's type that Yubico knows
 * (ECDSA, RSA PKCS#1, Ed25519, Ed448); an {@code android-safetynet} statement's JWS is read
 * alike ({@link SafetyNetResponses}). Every certificate's key must be one an attestation
 * certificate may have ({@link AttestationCertificateKeys}), checked as it is read.
 */
final class AttestationStatements {

    /** Attestation chains are a leaf and an intermediate or two; more is no authenticator's. */
    static final int MAX_CHAIN_LENGTH = 5;
    private static final Set<Long> ECDSA = Set.of(-7L, -35L, -36L);
    private static final Set<Long> RSA = Set.of(-257L, -258L, -259L, -37L, -38L, -39L, -65535L);
    private static final Set<Long> ED25519 = Set.of(-8L, -19L);
    /**
     * The formats WebAuthn defines (§8). Yubico accepts any other as untrusted; with no procedure
     * to verify it by (§7.1 step 21) it is refused, whatever the policy.
     */
    static final Set<String> FORMATS = Set.of("none", "packed", "tpm", "android-key", "android-safetynet", "fido-u2f", "apple");
    private static final long ED448 = -53L;

    private AttestationStatements() {
    }

    /**
     * Reads the statement of {@code attestation}, and verifies an {@code android-key} one
     * ({@link AndroidKeyStatements}) against {@code clientDataJson}.
     */
    static void check(AttestationObject attestation, ByteArray clientDataJson) {
        X509Certificate leaf = checkReadable(attestation);
        if ("android-key".equals(attestation.getFormat())) {
            AndroidKeyStatements.check(attestation, leaf, clientDataJson);
        }
    }

    /** The statement read; answers the first certificate of its chain, {@code null} without one. */
    private static X509Certificate checkReadable(AttestationObject attestation) {
        if (!FORMATS.contains(attestation.getFormat())) {
            throw refused();
        }
        JsonNode statement = attestation.getAttestationStatement();
        if ("android-safetynet".equals(attestation.getFormat()) && statement != null) {
            SafetyNetResponses.checkReadable(statement.get("response"));
        }
        JsonNode x5c = statement == null ? null : statement.get("x5c");
        if (x5c == null) {
            return null;
        }
        if (!x5c.isArray() || x5c.isEmpty() || x5c.size() > MAX_CHAIN_LENGTH) {
            throw refused();
        }
        X509Certificate leaf = null;
        for (JsonNode certificate : x5c) {
            X509Certificate read = certificate(certificate);
            leaf = leaf == null ? read : leaf;
        }
        JsonNode alg = statement.get("alg");
        JsonNode sig = statement.get("sig");
        if (alg != null && alg.canConvertToLong() && sig != null && sig.isBinary()) {
            checkSignatureFits(alg.asLong(), binary(sig), leaf.getPublicKey());
        }
        return leaf;
    }

    /**
     * An ECDSA signature must be DER and the key EC; an RSA signature as long as the RSA key's
     * modulus; an EdDSA key of the curve named. Any other algorithm is refused.
     */
    private static void checkSignatureFits(long alg, byte[] signature, PublicKey key) {
        boolean fits;
        if (ECDSA.contains(alg)) {
            fits = key instanceof ECPublicKey && isDerEcdsaSignature(signature);
        } else if (RSA.contains(alg)) {
            fits = key instanceof RSAPublicKey rsa && fitsRsaKey(signature, rsa);
        } else if (ED25519.contains(alg) || alg == ED448) {
            fits = key instanceof EdECPublicKey ed && ed.getParams().getName().equals(alg == ED448 ? "Ed448" : "Ed25519");
        } else {
            fits = false;
        }
        if (!fits) {
            throw refused();
        }
    }

    /** An RSA signature is exactly as long as the key's modulus. */
    static boolean fitsRsaKey(byte[] signature, RSAPublicKey key) {
        return signature.length == (key.getModulus().bitLength() + 7) / 8;
    }

    /** {@code SEQUENCE { INTEGER r, INTEGER s }}, DER, nothing after it. */
    static boolean isDerEcdsaSignature(byte[] der) {
        int[] position = {0};
        if (!tag(der, position, 0x30)) {
            return false;
        }
        int sequenceLength = length(der, position);
        if (sequenceLength < 0 || position[0] + sequenceLength != der.length) {
            return false;
        }
        for (int i = 0; i < 2; i++) {
            if (!tag(der, position, 0x02)) {
                return false;
            }
            int integerLength = length(der, position);
            if (integerLength <= 0 || position[0] + integerLength > der.length) {
                return false;
            }
            position[0] += integerLength;
        }
        return position[0] == der.length;
    }

    private static boolean tag(byte[] der, int[] position, int expected) {
        return position[0] < der.length && (der[position[0]++] & 0xff) == expected;
    }

    /** A DER length of at most two bytes (signatures are short), or -1. */
    private static int length(byte[] der, int[] position) {
        if (position[0] >= der.length) {
            return -1;
        }
        int first = der[position[0]++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int bytes = first & 0x7f;
        if (bytes < 1 || bytes > 2 || position[0] + bytes > der.length) {
            return -1;
        }
        int length = 0;
        for (int i = 0; i < bytes; i++) {
            length = (length << 8) | (der[position[0]++] & 0xff);
        }
        return length;
    }

    private static X509Certificate certificate(JsonNode certificate) {
        if (!certificate.isBinary()) {
            throw refused();
        }
        return certificate(binary(certificate));
    }

    /**
     * The DER certificate, or a refusal; also when its key is not one an attestation certificate
     * may have ({@link AttestationCertificateKeys}), before anything is verified with it.
     */
    static X509Certificate certificate(byte[] der) {
        X509Certificate certificate;
        try {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException unreadable) {
            throw refused();
        }
        if (!AttestationCertificateKeys.acceptable(certificate.getPublicKey())) {
            throw refused();
        }
        return certificate;
    }

    /** A CBOR byte string's bytes, or a refusal. */
    static byte[] binary(JsonNode node) {
        try {
            return node.binaryValue();
        } catch (IOException | RuntimeException unreadable) {
            throw refused();
        }
    }

    static Refusal refused() {
        return new Refusal(PasskeyErrorCode.REGISTRATION_REJECTED, "The attestation statement is unreadable.");
    }
}
