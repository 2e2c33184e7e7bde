package org.passkeyee.testsupport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Unit tests of the test authenticator itself: CBOR encoding, the byte layout of
 * authenticator data, and signatures that verify (or, when tampered, do not).
 */
class SoftwareAuthenticatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORIGIN = "http://localhost:8080";
    private static final byte[] USER_HANDLE = "user-handle-0123456789".getBytes(StandardCharsets.UTF_8);

    // ---------------------------------------------------------------- CBOR

    @Test
    void cborEncodesIntegersInShortestForm() {
        assertCbor("00", 0);
        assertCbor("17", 23);
        assertCbor("1818", 24);
        assertCbor("1864", 100);
        assertCbor("1903e8", 1000);
        assertCbor("1a000f4240", 1000000);
        assertCbor("1b000000e8d4a51000", 1000000000000L);
        assertCbor("20", -1);
        assertCbor("29", -10);
        assertCbor("3863", -100);
        assertCbor("3903e7", -1000);
    }

    @Test
    void cborEncodesStringsAndMaps() {
        assertCbor("6161", "a");
        assertCbor("64494554 46".replace(" ", ""), "IETF");
        assertCbor("4401020304", new byte[] {1, 2, 3, 4});
        assertCbor("a0", Map.of());
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put(1, 2);
        map.put(3, 4);
        assertCbor("a201020304", map);
        assertCbor("58" + "20" + "00".repeat(32), new byte[32]);
    }

    @Test
    void cborDecodesWhatItEncodes() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("fmt", "none");
        map.put(-2, new byte[] {9, 8});
        map.put(1000, Map.of());
        @SuppressWarnings("unchecked")
        Map<Object, Object> decoded = (Map<Object, Object>) Cbor.decode(Cbor.encode(map));
        assertEquals(List.of("fmt", -2L, 1000L), List.copyOf(decoded.keySet()));
        assertEquals("none", decoded.get("fmt"));
        assertArrayEquals(new byte[] {9, 8}, (byte[]) decoded.get(-2L));
        assertEquals(Map.of(), decoded.get(1000L));
    }

    // ---------------------------------------------------------------- registration

    @Test
    void registerThenAttestationObjectIsNoneWithExactAuthenticatorDataLayout() throws Exception {
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.deviceBound();
        ObjectNode credential = authenticator.register(creationOptions(), ORIGIN);

        assertEquals("public-key", credential.path("type").asText());
        assertEquals(credential.path("id").asText(), credential.path("rawId").asText());
        assertEquals("platform", credential.path("authenticatorAttachment").asText());
        assertTrue(credential.path("clientExtensionResults").isObject());
        assertEquals("internal", credential.path("response").path("transports").get(0).asText());

        Map<?, ?> attestation = (Map<?, ?>) Cbor.decode(decode(credential, "attestationObject"));
        assertEquals(List.of("fmt", "attStmt", "authData"), List.copyOf(attestation.keySet()));
        assertEquals("none", attestation.get("fmt"));
        assertEquals(Map.of(), attestation.get("attStmt"));

        byte[] authData = (byte[]) attestation.get("authData");
        byte[] credentialId = Base64Url.decode(credential.path("rawId").asText());
        assertEquals(32, credentialId.length);
        assertArrayEquals(sha256("localhost"), Arrays.copyOfRange(authData, 0, 32), "rpIdHash");
        assertEquals(0x45, authData[32] & 0xFF, "flags UP | UV | AT");
        assertEquals(0, ByteBuffer.wrap(authData, 33, 4).getInt(), "signCount");
        assertArrayEquals(new byte[16], Arrays.copyOfRange(authData, 37, 53), "AAGUID");
        assertEquals(32, ByteBuffer.wrap(authData, 53, 2).getShort(), "credentialIdLength");
        assertArrayEquals(credentialId, Arrays.copyOfRange(authData, 55, 87), "credentialId");

        Map<?, ?> coseKey = (Map<?, ?>) Cbor.decode(Arrays.copyOfRange(authData, 87, authData.length));
        assertEquals(List.of(1L, 3L, -1L, -2L, -3L), List.copyOf(coseKey.keySet()));
        assertEquals(2L, coseKey.get(1L), "kty EC2");
        assertEquals(-7L, coseKey.get(3L), "alg ES256");
        assertEquals(1L, coseKey.get(-1L), "crv P-256");
        assertEquals(32, ((byte[]) coseKey.get(-2L)).length);
        assertEquals(32, ((byte[]) coseKey.get(-3L)).length);
        assertEquals(authenticator.credentials().get(0).publicKey(), publicKeyFrom(coseKey));
    }

    @Test
    void registerWhenTamperedToAnotherCurveThenTheKeyIsOnItYetDeclaredEs256AndSignsIn() throws Exception {
        for (String curve : new String[] {"secp384r1", "secp521r1"}) {
            SoftwareAuthenticator authenticator = SoftwareAuthenticator.deviceBound();
            ObjectNode credential = authenticator.register(creationOptions(), ORIGIN, Tamper.none().credentialKeyCurve(curve));
            byte[] authData = (byte[]) ((Map<?, ?>) Cbor.decode(decode(credential, "attestationObject"))).get("authData");
            Map<?, ?> coseKey = (Map<?, ?>) Cbor.decode(Arrays.copyOfRange(authData, 87, authData.length));
            int size = curve.equals("secp384r1") ? 48 : 66;

            assertEquals(-7L, coseKey.get(3L), "alg ES256, as declared");
            assertEquals(curve.equals("secp384r1") ? 2L : 3L, coseKey.get(-1L), "crv of the real curve");
            assertEquals(size, ((byte[]) coseKey.get(-2L)).length);
            assertEquals(size, ((byte[]) coseKey.get(-3L)).length);
            assertTrue(verifies(authenticator.credentials().get(0).publicKey(), authenticator.authenticate(requestOptions(), ORIGIN)));
        }
    }

    @Test
    void registerWhenTamperedWithASignedNoneStatementThenNoneCarriesAlgAndAValidSig() throws Exception {
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.deviceBound();
        ObjectNode credential = authenticator.register(creationOptions(), ORIGIN, Tamper.none().signedNoneStatement());
        Map<?, ?> attestation = (Map<?, ?>) Cbor.decode(decode(credential, "attestationObject"));
        Map<?, ?> statement = (Map<?, ?>) attestation.get("attStmt");

        assertEquals("none", attestation.get("fmt"));
        assertEquals(List.of("alg", "sig"), List.copyOf(statement.keySet()));
        assertEquals(-7L, statement.get("alg"));
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(authenticator.credentials().get(0).publicKey());
        verifier.update((byte[]) attestation.get("authData"));
        verifier.update(Es256.sha256(decode(credential, "clientDataJSON")));
        assertTrue(verifier.verify((byte[]) statement.get("sig")));
    }

    @Test
    void registerThenClientDataAnswersTheChallengeFromTheOrigin() throws Exception {
        ObjectNode options = creationOptions();
        ObjectNode credential = SoftwareAuthenticator.deviceBound().register(options, ORIGIN);

        JsonNode clientData = JSON.readTree(decode(credential, "clientDataJSON"));
        assertEquals("webauthn.create", clientData.path("type").asText());
        assertEquals(options.path("challenge").asText(), clientData.path("challenge").asText());
        assertEquals(ORIGIN, clientData.path("origin").asText());
        assertFalse(clientData.path("crossOrigin").asBoolean(true));
        assertNoPadding(credential);
    }

    @Test
    void registerWhenAlreadyHoldingAnExcludedCredentialThenRefuses() {
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.deviceBound();
        authenticator.register(creationOptions(), ORIGIN);
        ObjectNode options = creationOptions();
        options.putArray("excludeCredentials").addObject()
                .put("type", "public-key").put("id", authenticator.credentialIds().get(0));

        assertThrows(IllegalStateException.class, () -> authenticator.register(options, ORIGIN));
    }

    // ---------------------------------------------------------------- authentication

    @Test
    void authenticateThenSignatureVerifiesOverAuthDataAndClientDataHash() throws Exception {
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.deviceBound();
        authenticator.register(creationOptions(), ORIGIN);
        ObjectNode options = requestOptions();

        ObjectNode assertion = authenticator.authenticate(options, ORIGIN);

        byte[] authData = decode(assertion, "authenticatorData");
        assertEquals(37, authData.length);
        assertArrayEquals(sha256("localhost"), Arrays.copyOfRange(authData, 0, 32));
        assertEquals(0x05, authData[32] & 0xFF, "flags UP | UV");
        assertEquals(1, ByteBuffer.wrap(authData, 33, 4).getInt(), "first signCount");
        assertEquals(authenticator.credentialIds().get(0), assertion.path("id").asText());
        assertArrayEquals(USER_HANDLE, decode(assertion, "userHandle"));
        JsonNode clientData = JSON.readTree(decode(assertion, "clientDataJSON"));
        assertEquals("webauthn.get", clientData.path("type").asText());
        assertEquals(options.path("challenge").asText(), clientData.path("challenge").asText());
        assertTrue(verifies(authenticator.credentials().get(0).publicKey(), assertion));
        assertNoPadding(assertion);
    }

    @Test
    void authenticateTwiceThenCounterCountsUp() {
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.deviceBound();
        authenticator.register(creationOptions(), ORIGIN);

        assertEquals(1, signCountOf(authenticator.authenticate(requestOptions(), ORIGIN)));
        assertEquals(2, signCountOf(authenticator.authenticate(requestOptions(), ORIGIN)));
        assertEquals(5, signCountOf(authenticator.authenticate(requestOptions(), ORIGIN, Tamper.none().signCount(5))));
        assertEquals(3, signCountOf(authenticator.authenticate(requestOptions(), ORIGIN, Tamper.none().signCount(3))));
        assertEquals(4, signCountOf(authenticator.authenticate(requestOptions(), ORIGIN)));
    }

    @Test
    void authenticateWithSyncedPasskeyThenBackupFlagsAndCounterStaysZero() {
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.synced();
        authenticator.register(creationOptions(), ORIGIN);

        for (int i = 0; i < 3; i++) {
            byte[] authData = decode(authenticator.authenticate(requestOptions(), ORIGIN), "authenticatorData");
            assertEquals(0x1D, authData[32] & 0xFF, "flags UP | UV | BE | BS");
            assertEquals(0, ByteBuffer.wrap(authData, 33, 4).getInt());
        }
    }

    @Test
    void authenticateWithCorruptedSignatureThenWellFormedButNotVerifying() throws Exception {
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.deviceBound();
        authenticator.register(creationOptions(), ORIGIN);

        ObjectNode assertion = authenticator.authenticate(requestOptions(), ORIGIN, Tamper.none().corruptSignature());

        assertEquals(0x30, decode(assertion, "signature")[0] & 0xFF, "DER SEQUENCE");
        assertFalse(verifies(authenticator.credentials().get(0).publicKey(), assertion));
    }

    @Test
    void authenticateWithTamperingThenOnlyThatPartChanges() throws Exception {
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.deviceBound();
        authenticator.register(creationOptions(), ORIGIN);
        String heldId = authenticator.credentialIds().get(0);

        ObjectNode wrongRp = authenticator.authenticate(requestOptions(), ORIGIN, Tamper.none().rpIdHashOf("evil.example"));
        assertArrayEquals(sha256("evil.example"), Arrays.copyOfRange(decode(wrongRp, "authenticatorData"), 0, 32));
        assertTrue(verifies(authenticator.credentials().get(0).publicKey(), wrongRp));

        ObjectNode wrongType = authenticator.authenticate(requestOptions(), ORIGIN,
                Tamper.none().clientDataType("webauthn.create"));
        assertEquals("webauthn.create", JSON.readTree(decode(wrongType, "clientDataJSON")).path("type").asText());

        ObjectNode otherChallenge = authenticator.authenticate(requestOptions(), "https://evil.example",
                Tamper.none().challenge("b3RoZXI"));
        JsonNode clientData = JSON.readTree(decode(otherChallenge, "clientDataJSON"));
        assertEquals("b3RoZXI", clientData.path("challenge").asText());
        assertEquals("https://evil.example", clientData.path("origin").asText());

        ObjectNode unknown = authenticator.authenticate(requestOptions(), ORIGIN, Tamper.none().unknownCredential());
        assertNotEquals(heldId, unknown.path("id").asText());
        assertEquals(unknown.path("id").asText(), unknown.path("rawId").asText());
        assertTrue(verifies(authenticator.credentials().get(0).publicKey(), unknown));
    }

    @Test
    void authenticateWithAllowCredentialsThenUsesTheListedOne() {
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.deviceBound();
        authenticator.register(creationOptions(), ORIGIN);
        authenticator.register(creationOptions(), ORIGIN);
        String second = authenticator.credentialIds().get(1);
        ObjectNode options = requestOptions();
        options.putArray("allowCredentials").addObject().put("type", "public-key").put("id", second);

        assertEquals(second, authenticator.authenticate(options, ORIGIN).path("id").asText());

        ObjectNode foreign = requestOptions();
        foreign.putArray("allowCredentials").addObject().put("type", "public-key").put("id", "AAAA");
        assertThrows(IllegalStateException.class, () -> authenticator.authenticate(foreign, ORIGIN));
    }

    // ---------------------------------------------------------------- helpers

    private static ObjectNode creationOptions() {
        ObjectNode options = JSON.createObjectNode();
        options.putObject("rp").put("id", "localhost").put("name", "Test");
        options.putObject("user").put("id", Base64Url.encode(USER_HANDLE)).put("name", "alice")
                .put("displayName", "Alice");
        options.put("challenge", Base64Url.encode(randomChallenge()));
        options.putArray("pubKeyCredParams").addObject().put("type", "public-key").put("alg", -7);
        return options;
    }

    private static ObjectNode requestOptions() {
        ObjectNode options = JSON.createObjectNode();
        options.put("challenge", Base64Url.encode(randomChallenge()));
        options.put("rpId", "localhost");
        options.putArray("allowCredentials");
        return options;
    }

    private static byte[] randomChallenge() {
        byte[] challenge = new byte[32];
        new java.security.SecureRandom().nextBytes(challenge);
        return challenge;
    }

    private static byte[] decode(ObjectNode credential, String responseField) {
        return Base64Url.decode(credential.path("response").path(responseField).asText());
    }

    private static int signCountOf(ObjectNode assertion) {
        return ByteBuffer.wrap(decode(assertion, "authenticatorData"), 33, 4).getInt();
    }

    private static boolean verifies(PublicKey publicKey, ObjectNode assertion) throws Exception {
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(publicKey);
        verifier.update(decode(assertion, "authenticatorData"));
        verifier.update(Es256.sha256(decode(assertion, "clientDataJSON")));
        return verifier.verify(decode(assertion, "signature"));
    }

    private static PublicKey publicKeyFrom(Map<?, ?> coseKey) throws Exception {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECPoint point = new ECPoint(new BigInteger(1, (byte[]) coseKey.get(-2L)),
                new BigInteger(1, (byte[]) coseKey.get(-3L)));
        return KeyFactory.getInstance("EC").generatePublic(
                new ECPublicKeySpec(point, parameters.getParameterSpec(ECParameterSpec.class)));
    }

    private static byte[] sha256(String text) {
        return Es256.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertCbor(String expectedHex, Object value) {
        assertEquals(expectedHex, HexFormat.of().formatHex(Cbor.encode(value)), () -> "CBOR of " + value);
    }

    private static void assertNoPadding(JsonNode node) {
        node.properties().forEach(field -> {
            if (field.getValue().isTextual()) {
                assertFalse(field.getValue().asText().contains("="), field.getKey() + " has padding");
            } else {
                assertNoPadding(field.getValue());
            }
        });
    }
}
