package org.passkeyee.internal.ceremony;

import com.yubico.webauthn.RegistrationResult;
import com.yubico.webauthn.data.ByteArray;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.internal.Refusal;

/**
 * What a new passkey must be before anything is stored, beyond what Yubico verifies: the
 * credential ID within WebAuthn's limit
 * (<a href="https://www.w3.org/TR/webauthn-3/#sctn-registering-a-new-credential">§7.1</a>:
 * "Verify that the credentialId is ≤ 1023 bytes"), a public key small enough for any store and
 * an RSA key of a sane size, since verifying with a huge modulus or exponent costs the server
 * dearly at every later sign-in. Refusals are {@code unsupported_credential}.
 */
final class NewCredentialLimits {

    static final int MAX_CREDENTIAL_ID_BYTES = 1023;
    static final int MAX_PUBLIC_KEY_BYTES = 3000;
    static final int MAX_ATTESTATION_FORMAT_CHARS = 32;
    static final int MIN_RSA_MODULUS_BITS = 2048;
    static final int MAX_RSA_MODULUS_BITS = 8192;
    private static final BigInteger MAX_RSA_EXPONENT = BigInteger.ONE.shiftLeft(32);
    private static final BigInteger MIN_RSA_EXPONENT = BigInteger.valueOf(3);

    private NewCredentialLimits() {
    }

    /** The ID the client sent, checked before the store is asked about it. */
    static void checkCredentialId(ByteArray credentialId) {
        if (credentialId.isEmpty() || credentialId.size() > MAX_CREDENTIAL_ID_BYTES) {
            throw refused();
        }
    }

    /** The verified registration's key and attestation format. */
    static void checkVerified(RegistrationResult result, String attestationFormat) {
        checkCredentialId(result.getKeyId().getId());
        if (result.getPublicKeyCose().size() > MAX_PUBLIC_KEY_BYTES
                || attestationFormat.length() > MAX_ATTESTATION_FORMAT_CHARS) {
            throw refused();
        }
        PublicKey key;
        try {
            key = result.getParsedPublicKey();
        } catch (GeneralSecurityException | IOException | RuntimeException unreadable) {
            throw refused();
        }
        if (key instanceof RSAPublicKey rsa && !saneRsa(rsa)) {
            throw refused();
        }
    }

    /** Whether an RSA key has a size that is safe and affordable to verify with. */
    static boolean saneRsa(RSAPublicKey key) {
        int bits = key.getModulus().bitLength();
        BigInteger exponent = key.getPublicExponent();
        return bits >= MIN_RSA_MODULUS_BITS && bits <= MAX_RSA_MODULUS_BITS
                && exponent.testBit(0) && exponent.compareTo(MIN_RSA_EXPONENT) >= 0 && exponent.compareTo(MAX_RSA_EXPONENT) <= 0;
    }

    private static Refusal refused() {
        return new Refusal(PasskeyErrorCode.UNSUPPORTED_CREDENTIAL);
    }
}
