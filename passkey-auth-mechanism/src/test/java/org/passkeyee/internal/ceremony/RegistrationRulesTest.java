package org.passkeyee.internal.ceremony;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.yubico.webauthn.data.AttestationObject;
import com.yubico.webauthn.data.ByteArray;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.UserVerificationPolicy;
import org.passkeyee.internal.shared.Refusal;
import org.passkeyee.testsupport.Cbor;
import org.passkeyee.testsupport.Es256;
import org.passkeyee.testsupport.SoftwareAuthenticator;
import org.passkeyee.testsupport.TestMetadataService;
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

    private static final int FLAG_ED = 0x80;

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

    // §8: each format's statement exactly as its syntax says; the attestation object exactly fmt, attStmt, authData.

    @Test
    void noneWhenTheStatementIsEmptyThenAcceptedWithMembersThenRegistrationRejected() {
        assertAccepted(honest(), edit -> { });
        assertRefused(PasskeyErrorCode.REGISTRATION_REJECTED,
                harness.newRegistration(SoftwareAuthenticator.deviceBound(), Tamper.none().signedNoneStatement()), edit -> { });
        assertRefused(PasskeyErrorCode.REGISTRATION_REJECTED, honest(), AttestationObjects.statement(statement -> statement.put("x5c", List.of())));
    }

    @Test
    void packedSelfAttestationWhenItsAlgIsTheKeysThenAcceptedOtherwiseRefusedByYubico() {
        Tamper selfSigned = Tamper.none().signedNoneStatement();
        assertAccepted(harness.newRegistration(SoftwareAuthenticator.deviceBound(), selfSigned),
                attestation -> attestation.put("fmt", "packed"));
        assertRefused(PasskeyErrorCode.REGISTRATION_REJECTED, harness.newRegistration(SoftwareAuthenticator.deviceBound(), selfSigned),
                attestation -> {
                    attestation.put("fmt", "packed");
                    AttestationObjects.statement(statement -> statement.put("alg", -257L)).accept(attestation);
                });
    }

    @Test
    void packedWhenTheStatementHasAMemberItsSyntaxDoesNotListThenRegistrationRejectedThoughYubicoIgnoresIt() {
        TestMetadataService.Model model = TestMetadataService.Model.newModel();
        assertAccepted(harness.newRegistration(model.authenticator(false), Tamper.none()), edit -> { });
        assertRefused(PasskeyErrorCode.REGISTRATION_REJECTED, harness.newRegistration(model.authenticator(false), Tamper.none()),
                AttestationObjects.statement(statement -> statement.put("ecdaaKeyId", new byte[16])));
        assertRefused(PasskeyErrorCode.REGISTRATION_REJECTED, harness.newRegistration(model.authenticator(false), Tamper.none()),
                AttestationObjects.statement(statement -> statement.put("alg", "ES256")));
    }

    @Test
    void attestationObjectWhenAMemberIsAddedRepeatedOrFollowedByBytesThenRegistrationRejected() {
        assertRefused(PasskeyErrorCode.REGISTRATION_REJECTED, honest(), attestation -> attestation.put("extra", 1L));
        CeremonyHarness.Registration repeated = honest();
        assertRefusedResponse(PasskeyErrorCode.REGISTRATION_REJECTED, repeated, withRawAttestationObject(repeated.validResponse(), raw -> {
            raw[0] = (byte) 0xa4;                                                   // a map of four pairs: fmt again
            return concat(raw, Cbor.encode("fmt"), Cbor.encode("none"));
        }));
        CeremonyHarness.Registration followed = honest();
        assertRefusedResponse(PasskeyErrorCode.REGISTRATION_REJECTED, followed,
                withRawAttestationObject(followed.validResponse(), raw -> concat(raw, new byte[] {0})));
    }

    @Test
    void fidoU2fWhenTheCredentialKeyIsNotEs256ThenRefusedBeforeItsSignatureIsChecked() {
        Map<Object, Object> u2f = new LinkedHashMap<>();
        u2f.put("x5c", List.of(new byte[] {0x30, 0x00}));
        u2f.put("sig", new byte[] {0x30, 0x00});
        Consumer<Map<Object, Object>> asU2f = attestation -> {
            attestation.put("fmt", "fido-u2f");
            attestation.put("attStmt", u2f);
        };
        AttestationObject es256 = attestationObject(AttestationObjects.edited(honest().validResponse(), asU2f));
        AttestationObject es384 = attestationObject(AttestationObjects.edited(
                harness.newRegistration(SoftwareAuthenticator.deviceBound(), Tamper.none().credentialKeyCurve("secp384r1")).validResponse(),
                asU2f.andThen(AttestationObjects.authData(AttestationObjects.coseKey(key -> key.put(3L, -35L))))));

        assertDoesNotThrow(() -> AttestationStatementShapes.check(es256));
        assertEquals(PasskeyErrorCode.REGISTRATION_REJECTED, assertThrows(Refusal.class, () -> AttestationStatementShapes.check(es384)).code());
    }

    // §8 and item 7 of the second trust review: every attestation certificate's key bounded before any signature check.

    @Test
    void attestationChainWhenACertificateKeyIsOutOfBoundsThenRegistrationRejected() throws Exception {
        TestMetadataService.Model model = TestMetadataService.Model.newModel();
        byte[] leaf = model.attestationCertificate().getEncoded();
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        PublicKey small = rsa.generateKeyPair().getPublic();
        rsa.initialize(3072);
        PublicKey hugeExponent = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                ((RSAPublicKey) rsa.generateKeyPair().getPublic()).getModulus(), BigInteger.ONE.shiftLeft(3000).add(BigInteger.ONE)));

        assertAccepted(harness.newRegistration(model.authenticator(false), Tamper.none()),
                AttestationObjects.statement(statement -> statement.put("x5c", List.of(leaf, certificateOf(Es256.newKeyPair().getPublic())))));
        for (PublicKey outOfBounds : List.of(small, hugeExponent)) {
            assertRefused(PasskeyErrorCode.REGISTRATION_REJECTED, harness.newRegistration(model.authenticator(false), Tamper.none()),
                    AttestationObjects.statement(statement -> statement.put("x5c", List.of(leaf, certificateOf(outOfBounds)))));
        }
    }

    // §6.1 and §7.1 steps 14 to 16: the authenticator data's flags and layout.

    @Test
    void flagsWhenBackedUpOnlyIfBackupEligibleThenAcceptedBackedUpWithoutEligibleMalformedAsYubicoParsesIt() {
        int usual = SoftwareAuthenticator.FLAG_UP | SoftwareAuthenticator.FLAG_UV | SoftwareAuthenticator.FLAG_AT;
        assertAccepted(honest(), AttestationObjects.authData(AttestationObjects.flags(usual | SoftwareAuthenticator.FLAG_BE)));
        assertAccepted(honest(), AttestationObjects.authData(AttestationObjects.flags(usual | SoftwareAuthenticator.FLAG_BE
                | SoftwareAuthenticator.FLAG_BS)));
        // Yubico's AuthenticatorDataFlags refuses BS without BE while the response is parsed
        assertRefused(PasskeyErrorCode.MALFORMED_REQUEST, honest(),
                AttestationObjects.authData(AttestationObjects.flags(usual | SoftwareAuthenticator.FLAG_BS)));
    }

    @Test
    void flagsWhenAttestedCredentialDataIsNotFlaggedThenRegistrationRejected() {
        assertRefused(PasskeyErrorCode.REGISTRATION_REJECTED, honest(),
                AttestationObjects.authData(AttestationObjects.flags(SoftwareAuthenticator.FLAG_UP | SoftwareAuthenticator.FLAG_UV)));
    }

    @Test
    void extensionsWhenFlaggedAndAMapThenAcceptedOtherwiseRefused() {
        int withExtensions = SoftwareAuthenticator.FLAG_UP | SoftwareAuthenticator.FLAG_UV | SoftwareAuthenticator.FLAG_AT | FLAG_ED;
        byte[] credProtect = Cbor.encode(Map.of("credProtect", 2));
        assertAccepted(honest(), AttestationObjects.authData(
                AttestationObjects.appended(credProtect).andThen(AttestationObjects.flags(withExtensions))::apply));
        // Yubico's reader, as it parses the response: extensions without ED, or ED without extensions, is malformed
        assertRefused(PasskeyErrorCode.MALFORMED_REQUEST, honest(), AttestationObjects.authData(AttestationObjects.appended(credProtect)));
        assertRefused(PasskeyErrorCode.MALFORMED_REQUEST, honest(), AttestationObjects.authData(AttestationObjects.flags(withExtensions)));
        // ours: extensions that are no map, or bytes after them, which Yubico ignores
        assertRefused(PasskeyErrorCode.REGISTRATION_REJECTED, honest(), AttestationObjects.authData(
                AttestationObjects.appended(Cbor.encode(5)).andThen(AttestationObjects.flags(withExtensions))::apply));
        assertRefused(PasskeyErrorCode.REGISTRATION_REJECTED, honest(), AttestationObjects.authData(
                AttestationObjects.appended(concat(credProtect, new byte[] {0})).andThen(AttestationObjects.flags(withExtensions))::apply));
    }

    @Test
    void userPresenceWhenMissingOutsideAConditionalCreateThenUserPresenceMissing() {
        assertRefused(PasskeyErrorCode.USER_PRESENCE_MISSING, honest(),
                AttestationObjects.authData(AttestationObjects.flags(SoftwareAuthenticator.FLAG_UV | SoftwareAuthenticator.FLAG_AT)));
    }

    @Test
    void userVerificationWhenRequiredThenVerifiedAcceptedUnverifiedUserVerificationMissing() {
        CeremonyHarness requiring = new CeremonyHarness(UserVerificationPolicy.REQUIRED);
        CeremonyHarness.Registration verified = requiring.newRegistration(SoftwareAuthenticator.deviceBound(), Tamper.none());
        CeremonyHarness.Registration unverified = requiring.newRegistration(SoftwareAuthenticator.deviceBound(),
                Tamper.none().flags(SoftwareAuthenticator.FLAG_UP | SoftwareAuthenticator.FLAG_AT));
        int stored = requiring.store.passkeyCount();

        assertDoesNotThrow(() -> requiring.finish(verified, verified.validResponse().toString()));
        assertEquals(PasskeyErrorCode.USER_VERIFICATION_MISSING,
                assertThrows(Refusal.class, () -> requiring.finish(unverified, unverified.validResponse().toString())).code());
        assertEquals(stored + 1, requiring.store.passkeyCount());
    }

    // What the creation options asked for: not an excluded credential, a discoverable one.

    @Test
    void credPropsWhenRkTrueOrAbsentThenAcceptedRkFalseThenRegistrationRejected() {
        assertAccepted(honest(), edit -> { });
        CeremonyHarness.Registration discoverable = honest();
        assertAcceptedResponse(discoverable, withCredProps(discoverable.validResponse(), true));
        CeremonyHarness.Registration serverSide = honest();
        assertRefusedResponse(PasskeyErrorCode.REGISTRATION_REJECTED, serverSide, withCredProps(serverSide.validResponse(), false));
    }

    @Test
    void excludedCredentialWhenTheResponseNamesOneThenRegistrationRejected() {
        CeremonyHarness.Registration registration = honest();
        String excluded = registration.options().path("excludeCredentials").path(0).path("id").asText();
        byte[] excludedId = Base64.getUrlDecoder().decode(excluded);
        ObjectNode response = AttestationObjects.edited(registration.validResponse(), AttestationObjects.authData(authData -> {
            System.arraycopy(excludedId, 0, authData, 55, excludedId.length);
            return authData;
        }));
        response.put("id", excluded).put("rawId", excluded);

        assertEquals(32, excludedId.length, "the seed passkey's ID is as long as the new one's");
        assertRefusedResponse(PasskeyErrorCode.REGISTRATION_REJECTED, registration, response);
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

    private void assertAcceptedResponse(CeremonyHarness.Registration registration, ObjectNode response) {
        int stored = harness.store.passkeyCount();

        assertDoesNotThrow(() -> harness.finish(registration, response.toString()));

        assertEquals(stored + 1, harness.store.passkeyCount());
    }

    private static ObjectNode withCredProps(ObjectNode response, boolean rk) {
        ObjectNode copy = response.deepCopy();
        copy.putObject("clientExtensionResults").putObject("credProps").put("rk", rk);
        return copy;
    }

    private void assertRefusedResponse(PasskeyErrorCode expected, CeremonyHarness.Registration registration, ObjectNode response) {
        int stored = harness.store.passkeyCount();

        Refusal refused = assertThrows(Refusal.class, () -> harness.finish(registration, response.toString()));

        assertEquals(expected, refused.code());
        assertEquals(stored, harness.store.passkeyCount(), "nothing stored");
    }

    /** {@code response} with its attestation object's bytes edited as they are, not as a map. */
    private static ObjectNode withRawAttestationObject(ObjectNode response, UnaryOperator<byte[]> edit) {
        ObjectNode copy = response.deepCopy();
        ObjectNode attestationResponse = (ObjectNode) copy.get("response");
        byte[] raw = Base64.getUrlDecoder().decode(attestationResponse.get("attestationObject").asText());
        attestationResponse.put("attestationObject", Base64.getUrlEncoder().withoutPadding().encodeToString(edit.apply(raw)));
        return copy;
    }

    private static AttestationObject attestationObject(ObjectNode response) {
        try {
            return new AttestationObject(new ByteArray(Base64.getUrlDecoder().decode(response.get("response").get("attestationObject").asText())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** A DER certificate of {@code key}, issued by a throwaway P-256 key (only its key matters here). */
    private static byte[] certificateOf(PublicKey key) {
        X500Name name = new X500Name("C=SE,O=Test,OU=Authenticator Attestation,CN=Out of bounds");
        Instant now = Instant.now();
        try {
            return new JcaX509v3CertificateBuilder(name, BigInteger.TEN, Date.from(now.minus(1, ChronoUnit.DAYS)),
                    Date.from(now.plus(1, ChronoUnit.DAYS)), name, key)
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(Es256.newKeyPair().getPrivate()))
                    .getEncoded();
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
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
