package org.passkeyee.internal.ceremony;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.yubico.webauthn.data.ByteArray;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import org.junit.jupiter.api.Test;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.internal.shared.Refusal;

/** What a new passkey must be before it is stored (WebAuthn §7.1 and the cost of verifying it later). */
class NewCredentialLimitsTest {

    @Test
    void ecKeyWhenItsPointIsOnTheCurveThenSaneOtherwiseNot() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        ECPublicKey key = (ECPublicKey) generator.generateKeyPair().getPublic();
        ECPoint moved = new ECPoint(key.getW().getAffineX(), key.getW().getAffineY().add(BigInteger.ONE));
        ECPublicKey offCurve = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(moved, key.getParams()));

        assertTrue(NewCredentialLimits.onCurve(key));
        assertFalse(NewCredentialLimits.onCurve(offCurve), "the JDK made a key of a point off the curve");
    }

    @Test
    void credentialIdWhenWithinWebAuthnsLimitThenAcceptedOtherwiseUnsupported() {
        assertDoesNotThrow(() -> NewCredentialLimits.checkCredentialId(new ByteArray(new byte[1023])));
        for (int size : new int[] {0, 1024, 2000}) {
            Refusal refused = assertThrows(Refusal.class,
                    () -> NewCredentialLimits.checkCredentialId(new ByteArray(new byte[size])));
            assertEquals(PasskeyErrorCode.UNSUPPORTED_CREDENTIAL, refused.code(), "size " + size);
        }
    }

    @Test
    void rsaKeyWhenModulusOrExponentIsAbsurdThenRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPublicKey usual = (RSAPublicKey) generator.generateKeyPair().getPublic();
        generator.initialize(1024);
        RSAPublicKey small = (RSAPublicKey) generator.generateKeyPair().getPublic();

        assertTrue(NewCredentialLimits.saneRsa(usual));
        assertFalse(NewCredentialLimits.saneRsa(small), "1024-bit modulus");
        assertFalse(NewCredentialLimits.saneRsa(withExponent(usual, BigInteger.ONE.shiftLeft(2000).add(BigInteger.ONE))),
                "2000-bit exponent");
        assertFalse(NewCredentialLimits.saneRsa(withExponent(usual, BigInteger.valueOf(65536))), "even exponent");
        assertFalse(NewCredentialLimits.saneRsa(withExponent(usual, BigInteger.ONE.shiftLeft(33).add(BigInteger.ONE))), "exponent over 2^32");
        assertTrue(NewCredentialLimits.saneRsa(withExponent(usual, BigInteger.valueOf(3))));
    }

    private static RSAPublicKey withExponent(RSAPublicKey key, BigInteger exponent) throws Exception {
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(key.getModulus(), exponent));
    }
}
