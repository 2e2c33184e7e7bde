package org.passkeyee.internal;

import com.yubico.webauthn.data.AuthenticatorData;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.CollectedClientData;
import com.yubico.webauthn.data.UserVerificationRequirement;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import org.passkeyee.PasskeyErrorCode;

/**
 * The checks of WebAuthn §7.1 and §7.2 that have a cause worth naming, run on the values Yubico
 * parsed, before Yubico verifies everything again (signature included). They exist so that each
 * refusal carries its own error code; they never replace Yubico's verification.
 */
final class ClientResponseChecks {

    static final String CREATE = "webauthn.create";
    static final String GET = "webauthn.get";

    private ClientResponseChecks() {
    }

    static void check(String expectedType, ByteArray expectedChallenge, Collection<String> origins, String rpId,
                      UserVerificationRequirement userVerification, CollectedClientData clientData,
                      AuthenticatorData authenticatorData) {
        if (!expectedType.equals(clientData.getType())) {
            throw new CeremonyException(PasskeyErrorCode.WRONG_CEREMONY_TYPE);
        }
        if (!MessageDigest.isEqual(expectedChallenge.getBytes(), clientData.getChallenge().getBytes())) {
            throw new CeremonyException(PasskeyErrorCode.CHALLENGE_MISMATCH);
        }
        if (!origins.contains(clientData.getOrigin())) {
            throw new CeremonyException(PasskeyErrorCode.ORIGIN_NOT_ALLOWED);
        }
        if (!MessageDigest.isEqual(sha256(rpId), authenticatorData.getRpIdHash().getBytes())) {
            throw new CeremonyException(PasskeyErrorCode.RP_ID_MISMATCH);
        }
        if (!authenticatorData.getFlags().UP) {
            throw new CeremonyException(PasskeyErrorCode.USER_PRESENCE_MISSING);
        }
        if (userVerification == UserVerificationRequirement.REQUIRED && !authenticatorData.getFlags().UV) {
            throw new CeremonyException(PasskeyErrorCode.USER_VERIFICATION_MISSING);
        }
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
