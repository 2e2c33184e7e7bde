package org.passkeyee.internal.ceremony;

import com.fasterxml.jackson.databind.JsonNode;
import com.yubico.webauthn.data.AttestedCredentialData;
import com.yubico.webauthn.data.AuthenticatorData;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.PublicKeyCredentialParameters;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.internal.shared.Refusal;

/**
 * The new credential's public key is the key its algorithm says, and an algorithm the creation
 * options offered: WebAuthn §7.1 step 19 ("Verify that the "alg" parameter in the credential
 * public key ... matches the alg attribute of one of the items in
 * {@code pkOptions.pubKeyCredParams}"), the {@code credentialPublicKey} of
 * <a href="https://www.w3.org/TR/webauthn-3/#sctn-attested-credential-data">§6.5.1</a> ("MUST
 * contain the "alg" parameter and MUST NOT contain any other OPTIONAL parameters", plus those the
 * key type requires) and the guarantees of
 * <a href="https://www.w3.org/TR/webauthn-3/#sctn-alg-identifier">§5.8.5</a> (ES256 keys are on
 * P-256, ES384 on P-384, ES512 on P-521, EdDSA keys Ed25519). Each member has its COSE type and
 * size (RFC 9053 §7): EC2 {@code kty 2, alg, crv, x, y} with coordinates of the curve's size, OKP
 * {@code kty 1, alg, crv, x}, RSA {@code kty 3, alg, n, e}; nothing else, no private part.
 *
 * <p>Yubico checks only that {@code alg} was offered and builds the key from {@code kty} and
 * {@code crv} alone, so without this a P-384 key declared ES256 is stored and signs in. Runs
 * after {@link NewCredentialLimits#checkPublicKey}, which refuses a key nobody could read as
 * {@code unsupported_credential}; a readable key that breaks these rules is
 * {@code registration_rejected}.
 */
final class CredentialKeyAlgorithms {

    private static final String KTY = "1";
    private static final String ALG = "3";
    private static final String CRV = "-1";
    private static final String X = "-2";
    private static final String Y = "-3";
    private static final String N = "-1";
    private static final String E = "-2";
    private static final int EC2 = 2;
    private static final int OKP = 1;
    private static final int RSA = 3;

    /** An EC2 or OKP curve: its COSE identifier and the size of a coordinate. */
    private record Curve(int kty, int crv, int coordinateBytes) {
    }

    /** The curve of each elliptic-curve algorithm the creation options may offer. */
    private static final Map<Long, Curve> CURVES = Map.of(
            -7L, new Curve(EC2, 1, 32),      // ES256: P-256
            -35L, new Curve(EC2, 2, 48),     // ES384: P-384
            -36L, new Curve(EC2, 3, 66),     // ES512: P-521
            -8L, new Curve(OKP, 6, 32),      // EdDSA: Ed25519 only (§5.8.5)
            -19L, new Curve(OKP, 6, 32),     // Ed25519
            -53L, new Curve(OKP, 7, 57));    // Ed448
    /** RSASSA-PKCS1-v1_5 with SHA-1/256/384/512 and RSASSA-PSS with SHA-256/384/512. */
    private static final Set<Long> RSA_ALGORITHMS = Set.of(-65535L, -257L, -258L, -259L, -37L, -38L, -39L);

    private CredentialKeyAlgorithms() {
    }

    /**
     * @param authenticatorData the registration's authenticator data, its attested credential
     *                          data already known to be present
     * @param offered           the creation options' {@code pubKeyCredParams}
     */
    static void check(AuthenticatorData authenticatorData, Collection<PublicKeyCredentialParameters> offered) {
        ByteArray cose = authenticatorData.getAttestedCredentialData()
                .map(AttestedCredentialData::getCredentialPublicKey).orElseThrow(CredentialKeyAlgorithms::refused);
        JsonNode key = StrictCbor.read(cose.getBytes()).filter(JsonNode::isObject).orElseThrow(CredentialKeyAlgorithms::refused);
        if (!isInteger(key.get(ALG)) || !isInteger(key.get(KTY))) {
            throw refused();
        }
        long alg = key.get(ALG).asLong();
        if (offered.stream().noneMatch(parameters -> parameters.getAlg().getId() == alg) || !fitsAlgorithm(key, alg)) {
            throw refused();
        }
    }

    /** Whether the COSE key {@code key} is exactly a key of algorithm {@code alg}. */
    static boolean fitsAlgorithm(JsonNode key, long alg) {
        int kty = key.get(KTY).asInt();
        if (RSA_ALGORITHMS.contains(alg)) {
            return kty == RSA && hasExactly(key, KTY, ALG, N, E) && bytes(key.get(N)) > 0 && bytes(key.get(E)) > 0;
        }
        Curve curve = CURVES.get(alg);
        if (curve == null || kty != curve.kty() || !isInteger(key.get(CRV)) || key.get(CRV).asInt() != curve.crv()) {
            return false;
        }
        return curve.kty() == EC2
                ? hasExactly(key, KTY, ALG, CRV, X, Y)
                        && bytes(key.get(X)) == curve.coordinateBytes() && bytes(key.get(Y)) == curve.coordinateBytes()
                : hasExactly(key, KTY, ALG, CRV, X) && bytes(key.get(X)) == curve.coordinateBytes();
    }

    private static boolean hasExactly(JsonNode key, String... members) {
        if (key.size() != members.length) {
            return false;
        }
        for (String member : members) {
            if (!key.has(member)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isInteger(JsonNode node) {
        return node != null && node.isIntegralNumber() && node.canConvertToInt();
    }

    /** The length of a byte string, -1 for anything else. */
    private static int bytes(JsonNode node) {
        if (node == null || !node.isBinary()) {
            return -1;
        }
        try {
            return node.binaryValue().length;
        } catch (IOException unreadable) {
            return -1;
        }
    }

    private static Refusal refused() {
        return new Refusal(PasskeyErrorCode.REGISTRATION_REJECTED, "The credential public key does not fit its algorithm.");
    }
}
