package org.passkeyee.internal.ceremony;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.internal.shared.Refusal;
import org.passkeyee.testsupport.SoftwareAuthenticator;
import org.passkeyee.testsupport.Tamper;

/**
 * The rules of WebAuthn §7.1 (registering a new credential) and §8 (attestation statement
 * formats) a registration meets whatever the client sends, through the registration ceremony as
 * the endpoints run it: for each, a response that meets it is accepted and one that breaks it is
 * refused with its code, nothing stored. Where Yubico's library is the one that enforces a rule,
 * the test says so; it pins the outcome either way. The responses carry {@code none} attestation,
 * which signs nothing at registration, so each edited one is an answer an attacker's own
 * authenticator could give.
 */
class RegistrationRulesTest {

    private final CeremonyHarness harness = new CeremonyHarness();

    // §7.1 step 19 and §5.8.5, §6.5.1: the credential public key is the key its algorithm says, an offered one.

    @Test
    void keyWhenEs256OnP256ThenAccepted() {
        assertAccepted(harness.newRegistration(SoftwareAuthenticator.deviceBound(), Tamper.none()), edit -> { });
    }

    @Test
    void keyWhenP384OrP521DeclaredEs256ThenRegistrationRejected() {
        for (String curve : new String[] {"secp384r1", "secp521r1"}) {
            assertRefused(PasskeyErrorCode.REGISTRATION_REJECTED,
                    harness.newRegistration(SoftwareAuthenticator.deviceBound(), Tamper.none().credentialKeyCurve(curve)), edit -> { });
        }
    }

    @Test
    void keyWhenP384DeclaredEs384OrP521DeclaredEs512ThenAccepted() {
        assertAccepted(harness.newRegistration(SoftwareAuthenticator.deviceBound(), Tamper.none().credentialKeyCurve("secp384r1")),
                AttestationObjects.authData(AttestationObjects.coseKey(key -> key.put(3L, -35L))));
        assertAccepted(harness.newRegistration(SoftwareAuthenticator.deviceBound(), Tamper.none().credentialKeyCurve("secp521r1")),
                AttestationObjects.authData(AttestationObjects.coseKey(key -> key.put(3L, -36L))));
    }

    @Test
    void keyWhenP256DeclaredEs512OrRsaThenRegistrationRejected() {
        for (long alg : new long[] {-36L, -35L, -257L, -8L}) {
            assertRefused(PasskeyErrorCode.REGISTRATION_REJECTED, honest(),
                    AttestationObjects.authData(AttestationObjects.coseKey(key -> key.put(3L, alg))));
        }
    }

    @Test
    void keyWhenAlgIsMissingOrNotAnIntegerThenRegistrationRejected() {
        assertRefused(PasskeyErrorCode.REGISTRATION_REJECTED, honest(),
                AttestationObjects.authData(AttestationObjects.coseKey(key -> key.remove(3L))));
        assertRefused(PasskeyErrorCode.REGISTRATION_REJECTED, honest(),
                AttestationObjects.authData(AttestationObjects.coseKey(key -> key.put(3L, "ES256"))));
    }

    @Test
    void keyWhenAnOptionalOrPrivateMemberIsAddedThenRegistrationRejected() {
        assertRefused(PasskeyErrorCode.REGISTRATION_REJECTED, honest(),
                AttestationObjects.authData(AttestationObjects.coseKey(key -> key.put(2L, new byte[] {1, 2, 3}))));   // kid
        assertRefused(PasskeyErrorCode.REGISTRATION_REJECTED, honest(),
                AttestationObjects.authData(AttestationObjects.coseKey(key -> key.put(-4L, new byte[32]))));          // d
    }

    @Test
    void keyWhenEd25519DeclaredEdDsaThenAcceptedButDeclaredEd25519NotOfferedThenRegistrationRejected() {
        byte[] ed25519 = rawEdDsaKey("Ed25519");
        assertAccepted(honest(), AttestationObjects.authData(AttestationObjects.coseKey(okpKey(-8L, 6L, ed25519))));
        assertRefused(PasskeyErrorCode.REGISTRATION_REJECTED, honest(),
                AttestationObjects.authData(AttestationObjects.coseKey(okpKey(-19L, 6L, ed25519))));
        // EdDSA on Ed448's curve: no key Yubico can read (it reads crv 7 with alg -8 as neither), refused before our rule
        assertRefused(PasskeyErrorCode.UNSUPPORTED_CREDENTIAL, honest(),
                AttestationObjects.authData(AttestationObjects.coseKey(okpKey(-8L, 7L, ed25519))));
    }

    @Test
    void keyWhenEd448DeclaredEd448ThenAcceptedButDeclaredEdDsaThenUnsupportedAsYubicoCannotReadIt() {
        byte[] ed448 = rawEdDsaKey("Ed448");
        assertAccepted(honest(), AttestationObjects.authData(AttestationObjects.coseKey(okpKey(-53L, 7L, ed448))));
        assertRefused(PasskeyErrorCode.UNSUPPORTED_CREDENTIAL, honest(),
                AttestationObjects.authData(AttestationObjects.coseKey(okpKey(-8L, 7L, ed448))));
    }

    private CeremonyHarness.Registration honest() {
        return harness.newRegistration(SoftwareAuthenticator.deviceBound(), Tamper.none());
    }

    private void assertAccepted(CeremonyHarness.Registration registration, Consumer<Map<Object, Object>> edit) {
        int stored = harness.store.passkeyCount();
        ObjectNode response = AttestationObjects.edited(registration.validResponse(), edit);

        assertDoesNotThrow(() -> harness.finish(registration, response.toString()));

        assertEquals(stored + 1, harness.store.passkeyCount());
    }

    private void assertRefused(PasskeyErrorCode expected, CeremonyHarness.Registration registration, Consumer<Map<Object, Object>> edit) {
        int stored = harness.store.passkeyCount();
        ObjectNode response = AttestationObjects.edited(registration.validResponse(), edit);

        Refusal refused = assertThrows(Refusal.class, () -> harness.finish(registration, response.toString()));

        assertEquals(expected, refused.code());
        assertEquals(stored, harness.store.passkeyCount(), "nothing stored");
    }

    /** A COSE OKP key: this algorithm and curve, and {@code x}. */
    private static Consumer<Map<Object, Object>> okpKey(long alg, long crv, byte[] x) {
        return key -> {
            key.clear();
            key.put(1L, 1L);
            key.put(3L, alg);
            key.put(-1L, crv);
            key.put(-2L, x);
        };
    }

    /** A new EdDSA public key of this curve as COSE carries it: the raw key, the end of its X.509 encoding. */
    private static byte[] rawEdDsaKey(String curve) {
        try {
            byte[] encoded = KeyPairGenerator.getInstance(curve).generateKeyPair().getPublic().getEncoded();
            int size = curve.equals("Ed25519") ? 32 : 57;
            return Arrays.copyOfRange(encoded, encoded.length - size, encoded.length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
