package org.passkeyee.internal.ceremony;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The keys an attestation certificate may have, checked as each certificate of a statement's
 * {@code x5c} (or of an {@code android-safetynet} JWS header) is read, before any signature is
 * verified with it or over it: RSA with a modulus of 2,048 to 4,096 bits and an odd public
 * exponent from 3 to 2<sup>32</sup>; EC on the named curve P-256, P-384 or P-521, its point on the
 * curve; EdDSA on Ed25519 or Ed448. Anything else is refused: a 3,072-bit key with a huge exponent
 * costs a full modular exponentiation per anonymous sign-up, a key of an unknown curve an
 * arithmetic nobody vetted.
 *
 * <p>The bounds are those real attestation chains keep to: the recorded chains of the interop
 * vectors have RSA keys of 2,048 bits (TPM attestation keys and their CAs, SafetyNet) and 4,096
 * bits (Google's hardware attestation root, Microsoft's TPM roots), all with exponent 65,537, and
 * EC keys on P-256 and P-384 (FIDO authenticators, Apple, Android). 2,048 bits is the floor NIST
 * SP 800-131A sets for RSA signatures; a wider key than 4,096 bits is no authenticator's.
 */
final class AttestationCertificateKeys {

    static final int MIN_RSA_MODULUS_BITS = 2048;
    static final int MAX_RSA_MODULUS_BITS = 4096;
    private static final BigInteger MIN_RSA_EXPONENT = BigInteger.valueOf(3);
    private static final BigInteger MAX_RSA_EXPONENT = BigInteger.ONE.shiftLeft(32);
    private static final Set<String> EDDSA_CURVES = Set.of("Ed25519", "Ed448");
    private static final List<ECParameterSpec> NAMED_CURVES = Stream.of("secp256r1", "secp384r1", "secp521r1")
            .map(AttestationCertificateKeys::namedCurve).toList();

    private AttestationCertificateKeys() {
    }

    /** Whether {@code key}, a certificate's, is one an attestation certificate may have. */
    static boolean acceptable(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            BigInteger exponent = rsa.getPublicExponent();
            return bits >= MIN_RSA_MODULUS_BITS && bits <= MAX_RSA_MODULUS_BITS && exponent.testBit(0)
                    && exponent.compareTo(MIN_RSA_EXPONENT) >= 0 && exponent.compareTo(MAX_RSA_EXPONENT) <= 0;
        }
        if (key instanceof ECPublicKey ec) {
            return NAMED_CURVES.stream().anyMatch(named -> sameCurve(named, ec.getParams())) && NewCredentialLimits.onCurve(ec);
        }
        return key instanceof EdECPublicKey ed && EDDSA_CURVES.contains(ed.getParams().getName());
    }

    private static boolean sameCurve(ECParameterSpec named, ECParameterSpec params) {
        return named.getCurve().equals(params.getCurve()) && named.getGenerator().equals(params.getGenerator())
                && named.getOrder().equals(params.getOrder()) && named.getCofactor() == params.getCofactor();
    }

    private static ECParameterSpec namedCurve(String name) {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec(name));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime knows the NIST curve " + name, e);
        }
    }
}
