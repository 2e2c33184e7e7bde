package org.passkeyee.internal.ceremony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.yubico.webauthn.data.ByteArray;
import org.junit.jupiter.api.Test;
import org.passkeyee.PasskeyCredentialStore;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.internal.shared.Refusal;
import org.passkeyee.testsupport.Tamper;

/**
 * Both ceremonies in-process with the software authenticator, on the in-memory store: what a
 * valid answer gives, and the refusals decided in the ceremony, with their status.
 */
class CeremoniesInProcessTest {

    private final CeremonyHarness harness = new CeremonyHarness();

    @Test
    void signInWhenValidUsernamelessOrUsernameFirstThenTheCallerWithTheCredentialUsed() {
        for (boolean usernameFirst : new boolean[] {false, true}) {
            CeremonyHarness.SignIn signIn = harness.newSignIn(usernameFirst);

            VerifiedSignIn verified = harness.finish(signIn, signIn.validResponse().toString());

            assertEquals(CeremonyHarness.CALLER, verified.username());
            assertEquals(signIn.validResponse().path("id").asText(), verified.credentialId());
        }
    }

    @Test
    void signInWhenThePasskeyIsDeletedWhileItIsVerifiedThenUnknownCredentialNotACloneWarning() throws Exception {
        CeremonyHarness.SignIn signIn = harness.newSignIn(false);
        ByteArray id = ByteArray.fromBase64Url(signIn.validResponse().path("id").asText());
        harness.store.addSecondPasskeyFor(id);
        harness.store.beforeNextSignIn = () -> assertEquals(PasskeyCredentialStore.DeleteOutcome.DELETED,
                harness.store.delete(harness.store.findPasskey(id).orElseThrow().userHandle(), id, true));

        Refusal refusal = assertThrows(Refusal.class, () -> harness.finish(signIn, signIn.validResponse().toString()));

        assertEquals(PasskeyErrorCode.UNKNOWN_CREDENTIAL, refusal.code());
        assertEquals(401, refusal.status());
        assertTrue(refusal.genuine(), "signed by the key: not a failed guess");
    }

    @Test
    void signInWhenTheStoredNameFailsTheNamePolicyThenRefusedGenuineAndNothingRecorded() throws Exception {
        CeremonyHarness.SignIn signIn = harness.newSignIn(false);
        ByteArray id = ByteArray.fromBase64Url(signIn.validResponse().path("id").asText());
        long countBefore = harness.store.findPasskey(id).orElseThrow().signatureCount();
        harness.store.renameByHand(CeremonyHarness.CALLER, "admin\u202Egpj.exe");

        Refusal refusal = assertThrows(Refusal.class, () -> harness.finish(signIn, signIn.validResponse().toString()));

        assertEquals(PasskeyErrorCode.ACCOUNT_NAME_REFUSED, refusal.code());
        assertTrue(refusal.genuine(), "signed by the key: not a failed guess");
        assertEquals(countBefore, harness.store.findPasskey(id).orElseThrow().signatureCount());
    }

    @Test
    void signInWhenAnotherSignInStoredAHigherCountSinceThenCounterRegressed() {
        CeremonyHarness.SignIn first = harness.newSignIn(false);
        CeremonyHarness.SignIn second = harness.newSignIn(false);
        harness.finish(second, second.validResponse().toString());

        Refusal refusal = assertThrows(Refusal.class, () -> harness.finish(first, first.validResponse().toString()));

        assertEquals(PasskeyErrorCode.SIGNATURE_COUNTER_REGRESSED, refusal.code());
        assertTrue(refusal.genuine(), "signed by the key: not a failed guess");
    }

    @Test
    void signInWhenAnotherSignInStoredAHigherCountMeanwhileThenCounterRegressed() throws Exception {
        CeremonyHarness.SignIn signIn = harness.newSignIn(false);
        ByteArray id = ByteArray.fromBase64Url(signIn.validResponse().path("id").asText());
        harness.store.beforeNextSignIn = () -> harness.store.setSignatureCount(id, 1_000_000);

        Refusal refusal = assertThrows(Refusal.class, () -> harness.finish(signIn, signIn.validResponse().toString()));

        assertEquals(PasskeyErrorCode.SIGNATURE_COUNTER_REGRESSED, refusal.code());
        assertTrue(refusal.genuine(), "signed by the key: not a failed guess");
    }

    @Test
    void signInWhenAnotherServerRecordedThisSameCeremonyFirstThenCeremonyNotFound() throws Exception {
        CeremonyHarness.SignIn signIn = harness.newSignIn(false);
        ByteArray id = ByteArray.fromBase64Url(signIn.validResponse().path("id").asText());
        ByteArray challenge = ByteArray.fromBase64Url(new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                ByteArray.fromBase64Url(signIn.validResponse().path("response").path("clientDataJSON").asText()).getBytes())
                .path("challenge").asText());
        harness.store.beforeNextSignIn = () -> harness.store.lastChallenges.put(id, challenge);

        Refusal refusal = assertThrows(Refusal.class, () -> harness.finish(signIn, signIn.validResponse().toString()));

        assertEquals(PasskeyErrorCode.CEREMONY_NOT_FOUND, refusal.code());
        assertEquals(401, refusal.status());
        assertTrue(refusal.genuine(), "signed by the key: not a failed guess");
    }

    @Test
    void signInWhenRefusedThen401AndWhenMalformedThen400() {
        CeremonyHarness.SignIn badSignature = harness.newSignIn(true, Tamper.none().corruptSignature());
        CeremonyHarness.SignIn malformed = harness.newSignIn(false);

        Refusal invalid = assertThrows(Refusal.class, () -> harness.finish(badSignature, badSignature.validResponse().toString()));
        Refusal unreadable = assertThrows(Refusal.class, () -> harness.finish(malformed, "{\"id\": 5, \"response\": []}"));

        assertEquals(PasskeyErrorCode.INVALID_SIGNATURE, invalid.code());
        assertEquals(401, invalid.status());
        assertFalse(invalid.genuine(), "a failed guess");
        assertEquals(PasskeyErrorCode.MALFORMED_REQUEST, unreadable.code());
        assertEquals(400, unreadable.status());
    }

    @Test
    void signInWhenTheDeviceBoundPasskeySignsBackupEligibilityThenRefusedAfterItsSignatureVerified() {
        int userPresentVerifiedAndBackupEligible = 0x01 | 0x04 | 0x08;
        CeremonyHarness.SignIn signIn = harness.newSignIn(false, Tamper.none().flags(userPresentVerifiedAndBackupEligible));

        Refusal refusal = assertThrows(Refusal.class, () -> harness.finish(signIn, signIn.validResponse().toString()));

        assertEquals(PasskeyErrorCode.ASSERTION_REJECTED, refusal.code());
        assertTrue(refusal.genuine(), "signed by the passkey's own key");
    }

    @Test
    void registrationWhenValidThenStoredAndWhenReplayedThenCeremonyNotFoundAs400() {
        CeremonyHarness.Registration registration = harness.newRegistration();
        int before = harness.store.passkeyCount();

        harness.finish(registration, registration.validResponse().toString());
        Refusal replay = assertThrows(Refusal.class,
                () -> harness.finish(registration, registration.validResponse().toString()));

        assertEquals(before + 1, harness.store.passkeyCount());
        assertEquals(PasskeyErrorCode.CEREMONY_NOT_FOUND, replay.code());
        assertEquals(400, replay.status());
    }

    @Test
    void registrationWhenTheResponseNamesAnotherIdThanTheAttestedOneThenRejectedAndNothingStored() {
        CeremonyHarness.Registration registration = harness.newRegistration();
        int before = harness.store.passkeyCount();
        String otherId = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        String response = registration.validResponse().deepCopy().put("id", otherId).put("rawId", otherId).toString();

        Refusal refusal = assertThrows(Refusal.class, () -> harness.finish(registration, response));

        assertEquals(PasskeyErrorCode.REGISTRATION_REJECTED, refusal.code());
        assertEquals(before, harness.store.passkeyCount());
    }

    @Test
    void stepUpWhenTheCallersPasskeyAnswersThenVerifiedAndAWrongSignatureRefused() {
        VerifiedSignIn verified = harness.stepUp(Tamper.none());
        Refusal forged = assertThrows(Refusal.class, () -> harness.stepUp(Tamper.none().corruptSignature()));

        assertEquals(CeremonyHarness.CALLER, verified.username());
        assertTrue(verified.userVerified());
        assertEquals(PasskeyErrorCode.INVALID_SIGNATURE, forged.code());
    }

    @Test
    void stepUpWhenTheAccountHasNoPasskeyThenPasskeyNotFound() {
        Refusal refusal = assertThrows(Refusal.class, harness::stepUpWithoutPasskeys);

        assertEquals(PasskeyErrorCode.PASSKEY_NOT_FOUND, refusal.code());
    }
}
