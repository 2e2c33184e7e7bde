package org.passkeyee.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A software WebAuthn authenticator for tests: a platform authenticator with P-256 keys,
 * {@code none} attestation, real authenticator data and real ES256 signatures. It answers
 * the JSON options of the server ({@code PublicKeyCredentialCreationOptionsJSON} /
 * {@code ...RequestOptionsJSON}, bare or wrapped in {@code "publicKey"}) with the JSON a
 * browser's {@code PublicKeyCredential.toJSON()} would give.
 *
 * <p>A {@link #deviceBound()} authenticator counts signatures up by one per assertion; a
 * {@link #synced()} one sets the backup flags (BE, BS) and always reports count 0, like
 * synced passkeys do. A {@link Tamper} breaks one thing in one ceremony.
 *
 * <p>By default its AAGUID is all zeros and it gives {@code none} attestation;
 * {@link #withAaguid} and {@link #withPackedAttestation} make it a model with a name and a
 * manufacturer's certificate ({@code packed} attestation with {@code x5c}, WebAuthn §8.2).
 */
public final class SoftwareAuthenticator {

    /** User present. */
    public static final int FLAG_UP = 0x01;
    /** User verified. */
    public static final int FLAG_UV = 0x04;
    /** Backup eligible. */
    public static final int FLAG_BE = 0x08;
    /** Backed up. */
    public static final int FLAG_BS = 0x10;
    /** Attested credential data included. */
    public static final int FLAG_AT = 0x40;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ES256 = Es256.COSE_ALGORITHM;

    private final boolean synced;
    private byte[] aaguid = new byte[16];
    /** {@code null}: {@code none} attestation. */
    private PackedAttestation attestation;
    private final List<Credential> credentials = new ArrayList<>();
    private final SecureRandom random = new SecureRandom();

    private SoftwareAuthenticator(boolean synced) {
        this.synced = synced;
    }

    /** An authenticator whose passkeys stay on it and count signatures. */
    public static SoftwareAuthenticator deviceBound() {
        return new SoftwareAuthenticator(false);
    }

    /** An authenticator whose passkeys are synced: flags BE and BS set, signature count always 0. */
    public static SoftwareAuthenticator synced() {
        return new SoftwareAuthenticator(true);
    }

    /** Claims this AAGUID (lower-case dashed) in the passkeys it makes; returns this authenticator. */
    public SoftwareAuthenticator withAaguid(String aaguid) {
        UUID uuid = UUID.fromString(aaguid);
        this.aaguid = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array();
        return this;
    }

    /**
     * Attests the passkeys it makes with {@code packed} attestation: an ES256 signature by
     * {@code key} over the authenticator data and client data hash, and {@code chain} (the
     * attestation certificate first, the root left out) as {@code x5c}. Returns this authenticator.
     */
    public SoftwareAuthenticator withPackedAttestation(PrivateKey key, List<X509Certificate> chain) {
        this.attestation = new PackedAttestation(key, chain);
        return this;
    }

    /** One credential the authenticator holds. */
    public static final class Credential {
        private final byte[] id;
        private final KeyPair keyPair;
        private final byte[] userHandle;
        private final String rpId;
        private long signCount;

        private Credential(byte[] id, KeyPair keyPair, byte[] userHandle, String rpId) {
            this.id = id.clone();
            this.keyPair = keyPair;
            this.userHandle = userHandle.clone();
            this.rpId = rpId;
        }

        /** The credential ID, base64url. */
        public String id() {
            return Base64Url.encode(id);
        }

        /** The public key. */
        public PublicKey publicKey() {
            return keyPair.getPublic();
        }

        /** The user handle, base64url. */
        public String userHandle() {
            return Base64Url.encode(userHandle);
        }

        /** The RP ID the credential is bound to. */
        public String rpId() {
            return rpId;
        }

        /** The signature count last reported. */
        public long signCount() {
            return signCount;
        }
    }

    /** The credentials held, oldest first. */
    public List<Credential> credentials() {
        return List.copyOf(credentials);
    }

    /** The IDs (base64url) of the credentials held, oldest first. */
    public List<String> credentialIds() {
        return credentials.stream().map(Credential::id).toList();
    }

    /** Forgets a held credential (base64url ID), e.g. one whose registration the server refused. */
    public void forget(String base64UrlCredentialId) {
        credentials.removeIf(credential -> credential.id().equals(base64UrlCredentialId));
    }

    /** Creates a credential, as {@code navigator.credentials.create()}, honestly. */
    public ObjectNode register(JsonNode creationOptions, String origin) {
        return register(creationOptions, origin, Tamper.none());
    }

    /**
     * Creates a credential, as {@code navigator.credentials.create()}, and answers with
     * {@code RegistrationResponseJSON}.
     *
     * @throws IllegalStateException if ES256 is not offered or a held credential is excluded
     */
    public ObjectNode register(JsonNode creationOptions, String origin, Tamper tamper) {
        JsonNode options = BrowserJson.unwrap(creationOptions);
        String rpId = BrowserJson.textOr(options.path("rp").path("id"), BrowserJson.hostOf(origin));
        BrowserJson.requireEs256(options);
        for (JsonNode excluded : options.path("excludeCredentials")) {
            if (find(excluded.path("id").asText()).isPresent()) {
                throw new IllegalStateException("InvalidStateError: this authenticator holds an excluded credential");
            }
        }
        byte[] userHandle = Base64Url.decode(options.path("user").path("id").asText());
        byte[] credentialId = randomBytes(tamper.credentialIdLength() != null ? tamper.credentialIdLength() : 32);
        KeyPair keyPair = tamper.credentialKeyCurve() != null ? Es256.newKeyPair(tamper.credentialKeyCurve()) : Es256.newKeyPair();
        Credential credential = new Credential(credentialId, keyPair, userHandle, rpId);

        int flags = tamper.flags() != null ? tamper.flags() : FLAG_UP | FLAG_UV | FLAG_AT | backupFlags();
        byte[] authData = Es256.concat(
                Es256.sha256(BrowserJson.textOr(tamper.rpIdHashOf(), rpId).getBytes(StandardCharsets.UTF_8)),
                new byte[] {(byte) flags},
                counterBytes(0),
                attestedCredentialData(credential));
        byte[] clientData = BrowserJson.clientDataJson("webauthn.create", options, origin, tamper);
        Map<Object, Object> attestationObject = new LinkedHashMap<>();
        attestationObject.put("fmt", attestation == null ? "none" : "packed");
        attestationObject.put("attStmt", attestation != null ? attestation.statement(authData, clientData)
                : tamper.signsNoneStatement() ? selfSignedStatement(credential, authData, clientData) : new LinkedHashMap<>());
        attestationObject.put("authData", authData);
        credentials.add(credential);

        ObjectNode response = JSON.createObjectNode();
        response.put("clientDataJSON", Base64Url.encode(clientData));
        response.put("attestationObject", Base64Url.encode(Cbor.encode(attestationObject)));
        response.putArray("transports").add("internal");
        return BrowserJson.credentialJson(credentialId, response);
    }

    /** Signs in, as {@code navigator.credentials.get()}, honestly. */
    public ObjectNode authenticate(JsonNode requestOptions, String origin) {
        return authenticate(requestOptions, origin, Tamper.none());
    }

    /**
     * Signs in, as {@code navigator.credentials.get()}, and answers with
     * {@code AuthenticationResponseJSON}. Uses the first held credential listed in
     * {@code allowCredentials}, or, when that list is empty or missing, the first held
     * credential of the RP ID (a discoverable credential).
     *
     * @throws IllegalStateException if no held credential fits
     */
    public ObjectNode authenticate(JsonNode requestOptions, String origin, Tamper tamper) {
        JsonNode options = BrowserJson.unwrap(requestOptions);
        String rpId = BrowserJson.textOr(options.path("rpId"), BrowserJson.hostOf(origin));
        Credential credential = choose(options, rpId, tamper);

        long count;
        if (tamper.signCount() != null) {
            count = tamper.signCount();
        } else {
            count = synced ? 0 : credential.signCount + 1;
        }
        credential.signCount = count;

        int flags = tamper.flags() != null ? tamper.flags() : FLAG_UP | FLAG_UV | backupFlags();
        byte[] authData = Es256.concat(
                Es256.sha256(BrowserJson.textOr(tamper.rpIdHashOf(), rpId).getBytes(StandardCharsets.UTF_8)),
                new byte[] {(byte) flags},
                counterBytes(count));
        byte[] clientData = BrowserJson.clientDataJson("webauthn.get", options, origin, tamper);
        byte[] signedData = Es256.concat(authData, Es256.sha256(clientData));
        if (tamper.corruptsSignature()) {
            signedData[signedData.length - 1] ^= 0x01;
        }
        byte[] responseId = tamper.unknownCredentialWanted() ? randomBytes(32) : credential.id;

        ObjectNode response = JSON.createObjectNode();
        response.put("clientDataJSON", Base64Url.encode(clientData));
        response.put("authenticatorData", Base64Url.encode(authData));
        response.put("signature", Base64Url.encode(Es256.sign(credential.keyPair.getPrivate(), signedData)));
        response.put("userHandle", Base64Url.encode(credential.userHandle));
        return BrowserJson.credentialJson(responseId, response);
    }

    private Credential choose(JsonNode options, String rpId, Tamper tamper) {
        if (tamper.credentialId() != null) {
            return find(tamper.credentialId())
                    .orElseThrow(() -> new IllegalStateException("no held credential " + tamper.credentialId()));
        }
        JsonNode allowed = options.path("allowCredentials");
        if (allowed.isArray() && !allowed.isEmpty() && !tamper.unknownCredentialWanted()) {
            for (JsonNode descriptor : allowed) {
                Optional<Credential> held = find(descriptor.path("id").asText());
                if (held.isPresent() && held.get().rpId.equals(rpId)) {
                    return held.get();
                }
            }
            throw new IllegalStateException("NotAllowedError: no held credential is in allowCredentials");
        }
        return credentials.stream()
                .filter(credential -> credential.rpId.equals(rpId))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("NotAllowedError: no credential for RP ID " + rpId));
    }

    private Optional<Credential> find(String base64UrlId) {
        return credentials.stream().filter(credential -> credential.id().equals(base64UrlId)).findFirst();
    }

    /** The members of a packed self attestation: ES256 and the credential key's signature. */
    private static Map<Object, Object> selfSignedStatement(Credential credential, byte[] authData, byte[] clientData) {
        Map<Object, Object> statement = new LinkedHashMap<>();
        statement.put("alg", ES256);
        statement.put("sig", Es256.sign(credential.keyPair.getPrivate(), Es256.concat(authData, Es256.sha256(clientData))));
        return statement;
    }

    private int backupFlags() {
        return synced ? FLAG_BE | FLAG_BS : 0;
    }

    /** AAGUID | credential ID length | credential ID | COSE public key. */
    private byte[] attestedCredentialData(Credential credential) {
        return Es256.concat(
                aaguid,
                ByteBuffer.allocate(2).putShort((short) credential.id.length).array(),
                credential.id,
                Es256.coseKey((ECPublicKey) credential.keyPair.getPublic(), ES256));
    }

    private static byte[] counterBytes(long count) {
        return ByteBuffer.allocate(4).putInt((int) count).array();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
