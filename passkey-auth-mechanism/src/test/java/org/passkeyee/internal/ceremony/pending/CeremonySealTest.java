package org.passkeyee.internal.ceremony.pending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.yubico.webauthn.AssertionRequest;
import com.yubico.webauthn.data.AuthenticatorTransport;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.PublicKeyCredentialCreationOptions;
import com.yubico.webauthn.data.PublicKeyCredentialDescriptor;
import com.yubico.webauthn.data.PublicKeyCredentialParameters;
import com.yubico.webauthn.data.PublicKeyCredentialRequestOptions;
import com.yubico.webauthn.data.RelyingPartyIdentity;
import com.yubico.webauthn.data.UserIdentity;
import com.yubico.webauthn.data.UserVerificationRequirement;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.passkeyee.testsupport.LogCapture;

/**
 * The seal of a stranger's ceremony: what it seals opens exactly, and nothing else opens at all
 * (a changed or cut byte, another kind, RP ID or key, junk of any size); the previous key opens
 * what it sealed, and nothing about a refused state is logged.
 */
class CeremonySealTest {

    private static final byte[] KEY = "the ceremony key of this test, 32 bytes and more".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OLD_KEY = "the key before the rotation, also 32 bytes or more".getBytes(StandardCharsets.UTF_8);
    private static final Instant EXPIRY = Instant.parse("2026-12-08T00:05:00.123456789Z");

    private final CeremonySeal seal = new CeremonySeal(KEY, Optional.empty(), "example.com");

    @Test
    void openWhenSealedThenTheSameCeremonyOfEachKind() {
        PendingCeremony signIn = signIn("alice");
        PendingCeremony usernameless = signIn(null);
        PendingCeremony signUp = signUp();

        assertEquals(Optional.of(signIn), seal.open(PendingCeremony.Kind.SIGN_IN, seal.seal(signIn)));
        assertEquals(Optional.of(usernameless), seal.open(PendingCeremony.Kind.SIGN_IN, seal.seal(usernameless)));
        assertEquals(Optional.of(signUp), seal.open(PendingCeremony.Kind.SIGN_UP, seal.seal(signUp)));
    }

    @Test
    void sealWhenTheSameCeremonyTwiceThenTwoDifferentSealsFreshNonces() {
        PendingCeremony signIn = signIn("alice");

        assertNotEquals(seal.seal(signIn), seal.seal(signIn));
    }

    @Test
    void sealThenUrlSafeBase64SmallEnoughForACookie() {
        String sealed = seal.seal(signUp());

        assertTrue(sealed.matches("[A-Za-z0-9_-]+"), sealed);
        assertTrue(sealed.length() < 1024, () -> "a sealed sign-up: " + sealed.length() + " characters");
    }

    @Test
    void openWhenAnyByteIsChangedThenNothing() {
        byte[] sealed = Base64.getUrlDecoder().decode(seal.seal(signUp()));
        for (int i = 0; i < sealed.length; i++) {
            for (int bit : new int[] {0x01, 0x80}) {
                byte[] changed = sealed.clone();
                changed[i] ^= (byte) bit;

                assertEquals(Optional.empty(), seal.open(PendingCeremony.Kind.SIGN_UP, encode(changed)), "byte " + i);
            }
        }
    }

    @Test
    void openWhenCutAtAnyLengthOrExtendedThenNothing() {
        String sealed = seal.seal(signIn("alice"));
        for (int length = 0; length < sealed.length(); length++) {
            assertEquals(Optional.empty(), seal.open(PendingCeremony.Kind.SIGN_IN, sealed.substring(0, length)), "length " + length);
        }
        assertEquals(Optional.empty(), seal.open(PendingCeremony.Kind.SIGN_IN, sealed + "AA"));
    }

    @Test
    void openWhenTheSameBytesAreEncodedOtherwiseThenNothing() {
        for (int i = 0; i < 20; i++) {
            String sealed = seal.seal(signIn("alice"));
            byte[] bytes = Base64.getUrlDecoder().decode(sealed);
            String padded = Base64.getUrlEncoder().encodeToString(bytes);
            char last = sealed.charAt(sealed.length() - 1);
            String strayBits = sealed.substring(0, sealed.length() - 1) + (char) (last == 'A' ? 'B' : last == 'Q' ? 'R' : last + 1);

            assertEquals(Optional.empty(), seal.open(PendingCeremony.Kind.SIGN_IN, padded + (padded.equals(sealed) ? "==" : "")));
            if (sealed.length() % 4 != 0) {
                assertEquals(Optional.empty(), seal.open(PendingCeremony.Kind.SIGN_IN, strayBits), strayBits);
            }
        }
    }

    @Test
    void openWhenOfAnotherKindThenNothing() {
        assertEquals(Optional.empty(), seal.open(PendingCeremony.Kind.SIGN_UP, seal.seal(signIn("alice"))));
        assertEquals(Optional.empty(), seal.open(PendingCeremony.Kind.SIGN_IN, seal.seal(signUp())));
    }

    @Test
    void openWhenSealedForAnotherRelyingPartyIdThenNothing() {
        CeremonySeal otherSite = new CeremonySeal(KEY, Optional.empty(), "other.example.com");

        assertEquals(Optional.empty(), seal.open(PendingCeremony.Kind.SIGN_IN, otherSite.seal(signIn("alice"))));
    }

    @Test
    void openWhenSealedWithAnotherKeyThenNothing() {
        CeremonySeal otherKey = new CeremonySeal(OLD_KEY, Optional.empty(), "example.com");

        assertEquals(Optional.empty(), seal.open(PendingCeremony.Kind.SIGN_IN, otherKey.seal(signIn("alice"))));
    }

    @Test
    void openWhenSealedWithThePreviousKeyDuringARotationThenTheCeremony() {
        CeremonySeal before = new CeremonySeal(OLD_KEY, Optional.empty(), "example.com");
        CeremonySeal rotated = new CeremonySeal(KEY, Optional.of(OLD_KEY), "example.com");
        PendingCeremony signIn = signIn("alice");

        assertEquals(Optional.of(signIn), rotated.open(PendingCeremony.Kind.SIGN_IN, before.seal(signIn)));
        assertEquals(Optional.of(signIn), seal.open(PendingCeremony.Kind.SIGN_IN, rotated.seal(signIn)), "seals with the new key");
        assertEquals(Optional.empty(), before.open(PendingCeremony.Kind.SIGN_IN, rotated.seal(signIn)));
    }

    @Test
    void openWhenJunkThenNothing() {
        Random random = new Random(20261208);
        byte[] randomBytes = new byte[300];
        random.nextBytes(randomBytes);
        byte[] versionOnly = new byte[300];
        versionOnly[0] = 1;
        for (String junk : new String[] {null, "", "=", "%%%%", "not base64!", "AAAA", "====", "a b c",
                encode(randomBytes), encode(versionOnly), "A".repeat(CeremonySeal.MAX_SEALED_CHARS + 1),
                "\u00e9\u00e9\u00e9\u00e9", "+/+/" + seal.seal(signIn("alice"))}) {
            assertEquals(Optional.empty(), seal.open(PendingCeremony.Kind.SIGN_IN, junk), String.valueOf(junk));
        }
    }

    @Test
    void openWhenRefusedThenNothingIsLogged() {
        String sealed = seal.seal(signIn("alice"));

        List<String> logged = LogCapture.messagesDuring("org.passkeyee", Level.ALL, () -> {
            seal.open(PendingCeremony.Kind.SIGN_UP, sealed);
            seal.open(PendingCeremony.Kind.SIGN_IN, sealed.substring(1));
            seal.open(PendingCeremony.Kind.SIGN_IN, "junk");
        });

        assertEquals(List.of(), logged);
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static PendingCeremony signIn(String username) {
        PublicKeyCredentialRequestOptions.PublicKeyCredentialRequestOptionsBuilder options = PublicKeyCredentialRequestOptions.builder()
                .challenge(random(32)).rpId(Optional.of("example.com")).timeout(300_000L)
                .userVerification(UserVerificationRequirement.PREFERRED);
        if (username != null) {
            options.allowCredentials(List.of(PublicKeyCredentialDescriptor.builder().id(random(16))
                    .transports(Set.of(AuthenticatorTransport.INTERNAL, AuthenticatorTransport.HYBRID)).build()));
        }
        return PendingCeremony.signIn(AssertionRequest.builder().publicKeyCredentialRequestOptions(options.build())
                .username(Optional.ofNullable(username)).build(), username, EXPIRY);
    }

    static PendingCeremony signUp() {
        return PendingCeremony.registration(PendingCeremony.Kind.SIGN_UP, PublicKeyCredentialCreationOptions.builder()
                .rp(RelyingPartyIdentity.builder().id("example.com").name("Example").build())
                .user(UserIdentity.builder().name("bob").displayName("Bob Example").id(random(64)).build())
                .challenge(random(32))
                .pubKeyCredParams(List.of(PublicKeyCredentialParameters.ES256, PublicKeyCredentialParameters.RS256))
                .timeout(300_000L)
                .build(), "bob", EXPIRY, false);
    }

    private static ByteArray random(int bytes) {
        byte[] value = new byte[bytes];
        new java.security.SecureRandom().nextBytes(value);
        return new ByteArray(value);
    }
}
