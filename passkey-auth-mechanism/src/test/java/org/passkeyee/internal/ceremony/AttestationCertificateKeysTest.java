package org.passkeyee.internal.ceremony;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import org.junit.jupiter.api.Test;

/** The keys an attestation certificate may have, bounded before anything is verified with them. */
class AttestationCertificateKeysTest {

    @Test
    void rsaWhen2048To4096BitsWithASmallOddExponentThenAcceptableOtherwiseNot() throws Exception {
        RSAPublicKey usual = (RSAPublicKey) rsaGenerator(2048).generateKeyPair().getPublic();
        RSAPublicKey wide = (RSAPublicKey) rsaGenerator(4096).generateKeyPair().getPublic();
        RSAPublicKey small = (RSAPublicKey) rsaGenerator(1024).generateKeyPair().getPublic();

        assertTrue(AttestationCertificateKeys.acceptable(usual));
        assertTrue(AttestationCertificateKeys.acceptable(wide));
        assertTrue(AttestationCertificateKeys.acceptable(rsa(usual.getModulus(), BigInteger.valueOf(3))));
        assertTrue(AttestationCertificateKeys.acceptable(rsa(usual.getModulus(), BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE))));
        assertFalse(AttestationCertificateKeys.acceptable(small), "1,024 bits");
        assertFalse(AttestationCertificateKeys.acceptable(rsa(BigInteger.ONE.shiftLeft(4096).add(BigInteger.ONE), BigInteger.valueOf(65537))),
                "4,097 bits");
        assertFalse(AttestationCertificateKeys.acceptable(rsa(usual.getModulus(), BigInteger.ONE.shiftLeft(2000).add(BigInteger.ONE))),
                "a 2,001-bit exponent");
        assertFalse(AttestationCertificateKeys.acceptable(rsa(usual.getModulus(), BigInteger.ONE.shiftLeft(32).add(BigInteger.ONE))),
                "an exponent over 2^32");
        assertFalse(AttestationCertificateKeys.acceptable(rsa(usual.getModulus(), BigInteger.valueOf(65536))), "an even exponent");
        // exponents 1 and 2: the JDK builds no RSA key of them at all
    }

    @Test
    void ecWhenOnANistCurveOfWebAuthnThenAcceptableOffItsCurveNot() throws Exception {
        for (String curve : new String[] {"secp256r1", "secp384r1", "secp521r1"}) {
            assertTrue(AttestationCertificateKeys.acceptable(ecKey(curve)), curve);
        }
        ECPublicKey key = ecKey("secp256r1");
        ECPoint moved = new ECPoint(key.getW().getAffineX(), key.getW().getAffineY().add(BigInteger.ONE));
        PublicKey offCurve = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(moved, key.getParams()));

        assertFalse(AttestationCertificateKeys.acceptable(offCurve), "a point off P-256");
    }

    @Test
    void edDsaWhenEd25519OrEd448ThenAcceptableAndAnyOtherKindOfKeyNot() throws Exception {
        assertTrue(AttestationCertificateKeys.acceptable(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic()));
        assertTrue(AttestationCertificateKeys.acceptable(KeyPairGenerator.getInstance("Ed448").generateKeyPair().getPublic()));
        assertFalse(AttestationCertificateKeys.acceptable(KeyPairGenerator.getInstance("X25519").generateKeyPair().getPublic()), "X25519");
        KeyPairGenerator dsa = KeyPairGenerator.getInstance("DSA");
        dsa.initialize(2048);
        assertFalse(AttestationCertificateKeys.acceptable(dsa.generateKeyPair().getPublic()), "DSA");
    }

    private static KeyPairGenerator rsaGenerator(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator;
    }

    private static RSAPublicKey rsa(BigInteger modulus, BigInteger exponent) throws Exception {
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
    }

    private static ECPublicKey ecKey(String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return (ECPublicKey) generator.generateKeyPair().getPublic();
    }
}
