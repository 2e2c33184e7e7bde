package org.passkeyee.internal.ceremony;

import com.yubico.webauthn.RegisteredCredential;
import com.yubico.webauthn.RegistrationResult;
import com.yubico.webauthn.data.AttestedCredentialData;
import com.yubico.webauthn.data.AuthenticatorData;
import com.yubico.webauthn.data.ByteArray;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.EllipticCurve;
import java.util.Optional;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.internal.shared.Refusal;

/**
 * What a new passkey must be before anything is stored, beyond what Yubico verifies: the
 * credential ID within WebAuthn's limit
 * (<a href="https://www.w3.org/TR/webauthn-3/#sctn-registering-a-new-credential">§7.1</a>:
 * "Verify that the credentialId is ≤ 1023 bytes"), a public key small enough for any store and
 * an EC key on its curve and an RSA key of a sane size, since verifying with a huge modulus or exponent costs the server
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
    private static final ByteArray NO_BYTES = new ByteArray(new byte[0]);

    private NewCredentialLimits() {
    }

    /** The ID the client sent, checked before the store is asked about it. */
    static void checkCredentialId(ByteArray credentialId) {
        if (credentialId.isEmpty() || credentialId.size() > MAX_CREDENTIAL_ID_BYTES) {
            throw refused();
        }
    }

    /**
     * Refuses a response whose {@code id} is not the credential ID the authenticator attested:
     * the library stores the attested ID and would ignore the other, so such a response is no
     * authenticator's answer (and must not be mistaken for one naming a registered passkey).
     */
    static void checkAttestedId(ByteArray responseId, AuthenticatorData authenticatorData) {
        boolean same = authenticatorData.getAttestedCredentialData()
                .map(attested -> attested.getCredentialId().equals(responseId)).orElse(false);
        if (!same) {
            throw new Refusal(PasskeyErrorCode.REGISTRATION_REJECTED, "The response's credential ID is not the attested one.");
        }
    }

    /**
     * The new public key as the authenticator data carries it, before Yubico verifies anything
     * with it: small enough, readable as a key (Yubico logs a SEVERE stack trace for every key it
     * cannot read, which a client could repeat at will), and, for RSA, of a sane size.
     */
    static void checkPublicKey(AuthenticatorData authenticatorData) {
        ByteArray cose = authenticatorData.getAttestedCredentialData()
                .map(AttestedCredentialData::getCredentialPublicKey).orElse(null);
        if (cose == null) {
            return; // no attested credential at all: Yubico refuses the registration
        }
        if (cose.size() > MAX_PUBLIC_KEY_BYTES) {
            throw refused();
        }
        PublicKey key = publicKey(cose).orElseThrow(NewCredentialLimits::refused);
        if (key instanceof RSAPublicKey rsa && !saneRsa(rsa) || key instanceof ECPublicKey ec && !onCurve(ec)) {
            throw refused();
        }
    }

    /** The COSE key as a JDK key, when it reads as one. */
    static Optional<PublicKey> publicKey(ByteArray cose) {
        try {
            return Optional.of(RegisteredCredential.builder().credentialId(NO_BYTES).userHandle(NO_BYTES).publicKeyCose(cose).build()
                    .getParsedPublicKey());
        } catch (GeneralSecurityException | IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * Whether an EC key's point lies on its (prime) curve. The JDK builds a key from any point, and
     * a key off its curve could never verify a signature of its owner's (or, with some
     * implementations, would leak through invalid-curve arithmetic).
     */
    static boolean onCurve(ECPublicKey key) {
        EllipticCurve curve = key.getParams().getCurve();
        if (!(curve.getField() instanceof ECFieldFp field)) {
            return false;
        }
        BigInteger p = field.getP();
        BigInteger x = key.getW().getAffineX();
        BigInteger y = key.getW().getAffineY();
        if (x == null || y == null || x.signum() < 0 || y.signum() < 0 || x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger right = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
        return y.modPow(BigInteger.TWO, p).equals(right);
    }

    /** The verified registration's credential ID and attestation format. */
    static void checkVerified(RegistrationResult result, String attestationFormat) {
        checkCredentialId(result.getKeyId().getId());
        if (result.getPublicKeyCose().size() > MAX_PUBLIC_KEY_BYTES
                || attestationFormat.length() > MAX_ATTESTATION_FORMAT_CHARS) {
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
