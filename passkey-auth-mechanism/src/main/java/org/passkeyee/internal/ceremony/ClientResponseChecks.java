package org.passkeyee.internal.ceremony;

import com.fasterxml.jackson.databind.JsonNode;
import com.yubico.webauthn.data.AuthenticatorData;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.CollectedClientData;
import com.yubico.webauthn.data.UserVerificationRequirement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.internal.shared.Json;
import org.passkeyee.internal.shared.Refusal;
import org.passkeyee.internal.ceremony.pending.PendingCeremony;

/**
 * The checks of WebAuthn §7.1 and §7.2 that have a cause worth naming, run on the values Yubico
 * parsed, before Yubico verifies everything again (signature included). They exist so that each
 * refusal carries its own error code; they never replace Yubico's verification. A refusal's status
 * follows the ceremony ({@link PendingCeremony.Kind#refusal}).
 */
final class ClientResponseChecks {

    private static final String CREATE = "webauthn.create";
    private static final String GET = "webauthn.get";

    private ClientResponseChecks() {
    }

    static void check(PendingCeremony.Kind ceremony, ByteArray expectedChallenge, Collection<String> origins, String rpId,
                      UserVerificationRequirement userVerification, CollectedClientData clientData,
                      AuthenticatorData authenticatorData) {
        check(ceremony, expectedChallenge, origins, rpId, userVerification, clientData, authenticatorData, false);
    }

    /**
     * As {@link #check(PendingCeremony.Kind, ByteArray, Collection, String, UserVerificationRequirement, CollectedClientData,
     * AuthenticatorData)}, but a missing user-present flag may be allowed: only for a conditional create
     * (<a href="https://www.w3.org/TR/webauthn-3/#sctn-registering-a-new-credential">WebAuthn §7.1 step 14</a>),
     * and never when user verification is required.
     */
    static void check(PendingCeremony.Kind ceremony, ByteArray expectedChallenge, Collection<String> origins, String rpId,
                      UserVerificationRequirement userVerification, CollectedClientData clientData,
                      AuthenticatorData authenticatorData, boolean presenceOptional) {
        if (!(ceremony == PendingCeremony.Kind.SIGN_IN ? GET : CREATE).equals(clientData.getType())) {
            throw ceremony.refusal(PasskeyErrorCode.WRONG_CEREMONY_TYPE);
        }
        if (!MessageDigest.isEqual(expectedChallenge.getBytes(), clientData.getChallenge().getBytes())) {
            throw ceremony.refusal(PasskeyErrorCode.CHALLENGE_MISMATCH);
        }
        String origin = clientData.getOrigin(); // null when the client sent null or a non-string
        if (origin == null || !origins.contains(origin)) {
            throw ceremony.refusal(PasskeyErrorCode.ORIGIN_NOT_ALLOWED);
        }
        if (!MessageDigest.isEqual(sha256(rpId), authenticatorData.getRpIdHash().getBytes())) {
            throw ceremony.refusal(PasskeyErrorCode.RP_ID_MISMATCH);
        }
        if (!authenticatorData.getFlags().UP && !(presenceOptional && userVerification != UserVerificationRequirement.REQUIRED)) {
            throw ceremony.refusal(PasskeyErrorCode.USER_PRESENCE_MISSING);
        }
        if (userVerification == UserVerificationRequirement.REQUIRED && !authenticatorData.getFlags().UV) {
            throw ceremony.refusal(PasskeyErrorCode.USER_VERIFICATION_MISSING);
        }
    }

    /**
     * Refuses a ceremony that ran in a frame of another site unless its top-level origin is
     * allowed (<a href="https://www.w3.org/TR/webauthn-3/#sctn-verifying-assertion">WebAuthn §7.2
     * step 13</a>, §7.1 step 9): {@code crossOrigin: true} or any {@code topOrigin} needs a
     * {@code topOrigin} in {@code allowedTopOrigins}. Yubico's client data has no accessor for
     * either member, so the client data JSON is read here.
     */
    static void checkFraming(PendingCeremony.Kind ceremony, ByteArray clientDataJson, Collection<String> allowedTopOrigins) {
        JsonNode clientData;
        try {
            clientData = Json.MAPPER.readTree(clientDataJson.getBytes());
        } catch (IOException e) {
            throw new Refusal(PasskeyErrorCode.MALFORMED_REQUEST, "The client data is not JSON.");
        }
        JsonNode crossOrigin = clientData.path("crossOrigin");
        JsonNode topOrigin = clientData.path("topOrigin");
        boolean framed = crossOrigin.asBoolean(false) || !topOrigin.isMissingNode();
        if (!framed && (crossOrigin.isMissingNode() || crossOrigin.isBoolean())) {
            return;
        }
        if (!crossOrigin.isMissingNode() && !crossOrigin.isBoolean() || !topOrigin.isTextual()
                || !allowedTopOrigins.contains(topOrigin.textValue())) {
            throw ceremony.refusal(PasskeyErrorCode.CROSS_ORIGIN_NOT_ALLOWED);
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
