package org.passkeyee.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A software platform authenticator holding one P-256 passkey, for one caller of the benchmark:
 * {@code none} attestation, real authenticator data, real ES256 signatures, answering the
 * server's JSON options with what a browser's {@code PublicKeyCredential.toJSON()} gives.
 * (Adapted from the Arquillian tests' authenticator; trimmed to what load needs.)
 *
 * <p>A device-bound passkey counts signatures up by one per assertion; a synced one sets the
 * backup flags and always reports count 0, as synced passkeys do. Not thread-safe: the load
 * generator gives each authenticator to one client thread only, which also keeps its signature
 * counts in order.
 */
final class SoftwareAuthenticator {

    private static final int FLAG_UP = 0x01;
    private static final int FLAG_UV = 0x04;
    private static final int FLAG_BE = 0x08;
    private static final int FLAG_BS = 0x10;
    private static final int FLAG_AT = 0x40;
    private static final int ES256 = -7;
    private static final byte[] AAGUID = new byte[16];
    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean synced;
    private final SecureRandom random = new SecureRandom();
    private final Signature signer;
    private final KeyPair keyPair;
    private byte[] credentialId;
    private byte[] userHandle;
    private String rpId;
    private long signCount;

    SoftwareAuthenticator(boolean synced) {
        this.synced = synced;
        this.keyPair = newKeyPair();
        try {
            this.signer = Signature.getInstance("SHA256withECDSA");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean synced() {
        return synced;
    }

    /** {@code navigator.credentials.create()}: creates the passkey, answers RegistrationResponseJSON. */
    ObjectNode register(JsonNode creationOptions, String origin) {
        JsonNode options = unwrap(creationOptions);
        rpId = options.path("rp").path("id").asText("localhost");
        userHandle = Base64Url.decode(options.path("user").path("id").asText());
        credentialId = randomBytes(32);
        int flags = FLAG_UP | FLAG_UV | FLAG_AT | backupFlags();
        byte[] authData = concat(sha256(rpId.getBytes(StandardCharsets.UTF_8)), new byte[] {(byte) flags},
                counter(0), AAGUID, ByteBuffer.allocate(2).putShort((short) credentialId.length).array(),
                credentialId, coseKey((ECPublicKey) keyPair.getPublic()));
        Map<Object, Object> attestation = new LinkedHashMap<>();
        attestation.put("fmt", "none");
        attestation.put("attStmt", new LinkedHashMap<>());
        attestation.put("authData", authData);
        ObjectNode response = JSON.createObjectNode();
        response.put("clientDataJSON", Base64Url.encode(clientData("webauthn.create", options, origin)));
        response.put("attestationObject", Base64Url.encode(Cbor.encode(attestation)));
        response.putArray("transports").add("internal");
        return credentialJson(response);
    }

    /** {@code navigator.credentials.get()}: signs the challenge, answers AuthenticationResponseJSON. */
    ObjectNode authenticate(JsonNode requestOptions, String origin) {
        if (credentialId == null) {
            throw new IllegalStateException("this authenticator holds no passkey yet");
        }
        JsonNode options = unwrap(requestOptions);
        signCount = synced ? 0 : signCount + 1;
        byte[] authData = concat(sha256(rpId.getBytes(StandardCharsets.UTF_8)),
                new byte[] {(byte) (FLAG_UP | FLAG_UV | backupFlags())}, counter(signCount));
        byte[] clientData = clientData("webauthn.get", options, origin);
        ObjectNode response = JSON.createObjectNode();
        response.put("clientDataJSON", Base64Url.encode(clientData));
        response.put("authenticatorData", Base64Url.encode(authData));
        response.put("signature", Base64Url.encode(sign(concat(authData, sha256(clientData)))));
        response.put("userHandle", Base64Url.encode(userHandle));
        return credentialJson(response);
    }

    /** The COSE_Key (EC2, ES256, P-256) of a public key, as WebAuthn stores it. */
    static byte[] coseKey(ECPublicKey publicKey) {
        Map<Object, Object> key = new LinkedHashMap<>();
        key.put(1, 2);      // kty: EC2
        key.put(3, ES256);  // alg
        key.put(-1, 1);     // crv: P-256
        key.put(-2, unsigned32(publicKey.getW().getAffineX()));
        key.put(-3, unsigned32(publicKey.getW().getAffineY()));
        return Cbor.encode(key);
    }

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] sign(byte[] data) {
        try {
            signer.initSign(keyPair.getPrivate());
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private int backupFlags() {
        return synced ? FLAG_BE | FLAG_BS : 0;
    }

    private static byte[] clientData(String type, JsonNode options, String origin) {
        ObjectNode clientData = JSON.createObjectNode();
        clientData.put("type", type);
        clientData.put("challenge", options.path("challenge").asText());
        clientData.put("origin", origin);
        clientData.put("crossOrigin", false);
        try {
            return JSON.writeValueAsBytes(clientData);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode credentialJson(ObjectNode response) {
        ObjectNode credential = JSON.createObjectNode();
        credential.put("id", Base64Url.encode(credentialId));
        credential.put("rawId", Base64Url.encode(credentialId));
        credential.put("type", "public-key");
        credential.set("response", response);
        credential.putObject("clientExtensionResults");
        credential.put("authenticatorAttachment", "platform");
        return credential;
    }

    private static JsonNode unwrap(JsonNode options) {
        return options.has("publicKey") ? options.get("publicKey") : options;
    }

    private static byte[] counter(long count) {
        return ByteBuffer.allocate(4).putInt((int) count).array();
    }

    /** A field element as exactly 32 unsigned big-endian bytes. */
    private static byte[] unsigned32(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] result = new byte[32];
        int copy = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - copy, result, 32 - copy, copy);
        return result;
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
