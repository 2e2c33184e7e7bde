package org.passkeyee.internal.ceremony;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.yubico.webauthn.data.AuthenticatorData;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.CollectedClientData;
import com.yubico.webauthn.data.UserVerificationRequirement;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.internal.shared.Refusal;
import org.passkeyee.internal.ceremony.pending.PendingCeremony;

/** The named checks of WebAuthn §7.1/§7.2 that run before Yubico's full verification. */
class ClientResponseChecksTest {

    private static final String ORIGIN = "https://example.com";
    private static final ByteArray CHALLENGE = new ByteArray(new byte[32]);
    private static final byte UP = 0x01;
    private static final byte UV = 0x04;

    @Test
    void checkWhenEverythingMatchesThenAccepted() {
        assertDoesNotThrow(() -> check("webauthn.get", CHALLENGE, ORIGIN, "example.com", UP, UserVerificationRequirement.PREFERRED, false));
    }

    @Test
    void checkWhenEachValueIsWrongThenItsOwnCode() {
        assertRefused(PasskeyErrorCode.WRONG_CEREMONY_TYPE,
                () -> check("webauthn.create", CHALLENGE, ORIGIN, "example.com", UP, UserVerificationRequirement.PREFERRED, false));
        assertRefused(PasskeyErrorCode.CHALLENGE_MISMATCH,
                () -> check("webauthn.get", new ByteArray(new byte[]{1}), ORIGIN, "example.com", UP, UserVerificationRequirement.PREFERRED, false));
        assertRefused(PasskeyErrorCode.ORIGIN_NOT_ALLOWED,
                () -> check("webauthn.get", CHALLENGE, "https://example.com.evil.test", "example.com", UP, UserVerificationRequirement.PREFERRED, false));
        assertRefused(PasskeyErrorCode.RP_ID_MISMATCH,
                () -> check("webauthn.get", CHALLENGE, ORIGIN, "evil.test", UP, UserVerificationRequirement.PREFERRED, false));
        assertRefused(PasskeyErrorCode.USER_PRESENCE_MISSING,
                () -> check("webauthn.get", CHALLENGE, ORIGIN, "example.com", (byte) 0, UserVerificationRequirement.PREFERRED, false));
        assertRefused(PasskeyErrorCode.USER_VERIFICATION_MISSING,
                () -> check("webauthn.get", CHALLENGE, ORIGIN, "example.com", UP, UserVerificationRequirement.REQUIRED, false));
    }

    @Test
    void checkWhenConditionalCreateWithoutPresenceThenAcceptedUnlessVerificationRequired() {
        assertDoesNotThrow(() -> check("webauthn.get", CHALLENGE, ORIGIN, "example.com", (byte) 0, UserVerificationRequirement.PREFERRED, true));
        assertRefused(PasskeyErrorCode.USER_PRESENCE_MISSING,
                () -> check("webauthn.get", CHALLENGE, ORIGIN, "example.com", UV, UserVerificationRequirement.REQUIRED, true));
    }

    @Test
    void checkWhenOriginIsNullOrNotAStringThenOriginNotAllowedNotAnException() {
        for (String origin : List.of("null", "123", "{\"a\":1}", "[]")) {
            assertRefused(PasskeyErrorCode.ORIGIN_NOT_ALLOWED, () -> checkWithOriginJson(origin));
        }
    }

    @Test
    void refusalStatusFollowsTheCeremonyA401ForASignInA400ForARegistration() {
        ByteArray framed = clientData(",\"crossOrigin\":true");

        assertEquals(401, assertThrows(Refusal.class,
                () -> ClientResponseChecks.checkFraming(PendingCeremony.Kind.SIGN_IN, framed, List.of())).status());
        assertEquals(400, assertThrows(Refusal.class,
                () -> ClientResponseChecks.checkFraming(PendingCeremony.Kind.SIGN_UP, framed, List.of())).status());
        assertEquals(400, assertThrows(Refusal.class,
                () -> ClientResponseChecks.checkFraming(PendingCeremony.Kind.ADD_PASSKEY, framed, List.of())).status());
    }

    @Test
    void checkFramingWhenNotFramedThenAccepted() {
        assertDoesNotThrow(() -> ClientResponseChecks.checkFraming(PendingCeremony.Kind.SIGN_IN, clientData(""), List.of()));
        assertDoesNotThrow(() -> ClientResponseChecks.checkFraming(PendingCeremony.Kind.SIGN_IN, clientData(",\"crossOrigin\":false"), List.of()));
    }

    @Test
    void checkFramingWhenFramedByAnotherSiteThenRefusedUnlessItsTopOriginIsAllowed() {
        ByteArray framed = clientData(",\"crossOrigin\":true,\"topOrigin\":\"https://portal.example.net\"");

        assertRefused(PasskeyErrorCode.CROSS_ORIGIN_NOT_ALLOWED, () -> ClientResponseChecks.checkFraming(PendingCeremony.Kind.SIGN_IN, framed, List.of()));
        assertRefused(PasskeyErrorCode.CROSS_ORIGIN_NOT_ALLOWED,
                () -> ClientResponseChecks.checkFraming(PendingCeremony.Kind.SIGN_IN, framed, List.of("https://evil.example")));
        assertDoesNotThrow(() -> ClientResponseChecks.checkFraming(PendingCeremony.Kind.SIGN_IN, framed, List.of("https://portal.example.net")));
    }

    @Test
    void checkFramingWhenCrossOriginWithoutTopOriginOrOddTypesThenRefused() {
        List<String> allowed = List.of("https://portal.example.net");
        for (String members : List.of(",\"crossOrigin\":true", ",\"crossOrigin\":\"true\"", ",\"crossOrigin\":null",
                ",\"topOrigin\":\"https://evil.example\"", ",\"topOrigin\":123")) {
            assertRefused(PasskeyErrorCode.CROSS_ORIGIN_NOT_ALLOWED,
                    () -> ClientResponseChecks.checkFraming(PendingCeremony.Kind.SIGN_IN, clientData(members), allowed));
        }
    }

    private static ByteArray clientData(String moreMembers) {
        return new ByteArray(("{\"type\":\"webauthn.get\",\"challenge\":\"AAAA\",\"origin\":\"" + ORIGIN + "\""
                + moreMembers + "}").getBytes(StandardCharsets.UTF_8));
    }

    private static void check(String type, ByteArray challenge, String origin, String signedRpId, byte flags,
                              UserVerificationRequirement userVerification, boolean presenceOptional) throws Exception {
        checkClientData(type, challenge, "\"" + origin + "\"", signedRpId, flags, userVerification, presenceOptional);
    }

    private static void checkWithOriginJson(String originJson) throws Exception {
        checkClientData("webauthn.get", CHALLENGE, originJson, "example.com", UP, UserVerificationRequirement.PREFERRED, false);
    }

    private static void checkClientData(String type, ByteArray challenge, String originJson, String signedRpId, byte flags,
                                        UserVerificationRequirement userVerification, boolean presenceOptional)
            throws Exception {
        String clientDataJson = "{\"type\":\"" + type + "\",\"challenge\":\"" + challenge.getBase64Url()
                + "\",\"origin\":" + originJson + ",\"crossOrigin\":false}";
        CollectedClientData clientData = new CollectedClientData(new ByteArray(clientDataJson.getBytes(StandardCharsets.UTF_8)));
        ByteBuffer authenticatorData = ByteBuffer.allocate(37)
                .put(MessageDigest.getInstance("SHA-256").digest(signedRpId.getBytes(StandardCharsets.UTF_8)))
                .put(flags)
                .putInt(7);
        ClientResponseChecks.check(PendingCeremony.Kind.SIGN_IN, CHALLENGE, List.of(ORIGIN), "example.com", userVerification,
                clientData, new AuthenticatorData(new ByteArray(authenticatorData.array())), presenceOptional);
    }

    private static void assertRefused(PasskeyErrorCode expected, Executable action) {
        assertEquals(expected, assertThrows(Refusal.class, action).code());
    }
}
