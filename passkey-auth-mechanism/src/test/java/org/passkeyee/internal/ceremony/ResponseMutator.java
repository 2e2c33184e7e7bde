package org.passkeyee.internal.ceremony;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.passkeyee.testsupport.Cbor;

/**
 * TEST-ONLY: breaks one thing in a valid WebAuthn response, knowing its structure: any JSON
 * member (removed, null, another type, empty, huge, not base64url), and inside the binary members
 * the client data JSON, the authenticator data (flags, counter, RP ID hash, lengths), the
 * signature, and the attestation object's CBOR with its authenticator data and COSE key. The
 * registration rules have mutations of their own: a member added to the attestation object or
 * bytes after it, a {@code none} statement with members, a statement member its format does not
 * list, the BE, BS, AT or ED flag flipped, extensions (a map or not, bytes after them), a COSE key
 * with {@code kid} or {@code d}, or on another curve than its algorithm's (a P-384 key declared
 * ES256), and {@code credProps} with {@code rk} true or false. Every choice comes from the given
 * {@link Random}, so a seed reproduces an input exactly.
 */
final class ResponseMutator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getUrlDecoder();
    /** Offset of the flags byte, the counter and the attested credential data in authenticator data. */
    private static final int FLAGS = 32;
    private static final int COUNTER = 33;
    private static final int CREDENTIAL_ID_LENGTH = 53;

    private ResponseMutator() {
    }

    /** A copy of {@code valid} with one to three mutations; {@code log} gets a line per mutation. */
    static String mutate(ObjectNode valid, Random random, List<String> log) {
        ObjectNode response = valid.deepCopy();
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            List<List<String>> paths = new ArrayList<>();
            collectPaths(response, new ArrayList<>(), paths);
            List<String> path = paths.get(random.nextInt(paths.size()));
            log.add(mutateAt(response, path, random));
        }
        if (response.path("response").has("attestationObject") && random.nextInt(8) == 0) {
            boolean rk = random.nextBoolean();
            response.putObject("clientExtensionResults").putObject("credProps").put("rk", rk);
            log.add("clientExtensionResults.credProps.rk = " + rk);
        }
        return response.toString();
    }

    /**
     * A copy of {@code valid} (a registration) whose attestation statement has one to three
     * mutations ({@link #attestationStatement}), its format changed now and then.
     */
    static String mutateAttestationStatement(ObjectNode valid, Random random, List<String> log) {
        ObjectNode response = valid.deepCopy();
        ObjectNode attestationResponse = (ObjectNode) response.get("response");
        @SuppressWarnings("unchecked")
        Map<Object, Object> attestation = new LinkedHashMap<>((Map<Object, Object>) Cbor.decode(
                B64_DECODER.decode(attestationResponse.get("attestationObject").asText())));
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            Map<?, ?> statement = attestation.get("attStmt") instanceof Map<?, ?> map ? map : Map.of();
            attestation.put("attStmt", attestationStatement(statement, random));
            log.add("attStmt: " + abbreviate(attestation.get("attStmt").toString()));
        }
        if (random.nextInt(4) == 0) {
            attestation.put("fmt", FORMATS.get(random.nextInt(FORMATS.size())));
            log.add("fmt = " + attestation.get("fmt"));
        }
        attestationResponse.put("attestationObject", B64.encodeToString(Cbor.encode(attestation)));
        return response.toString();
    }

    private static void collectPaths(JsonNode node, List<String> prefix, List<List<String>> into) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                List<String> path = new ArrayList<>(prefix);
                path.add(name);
                into.add(path);
                collectPaths(object.get(name), path, into);
            });
        }
    }

    private static String mutateAt(ObjectNode root, List<String> path, Random random) {
        ObjectNode parent = root;
        for (String name : path.subList(0, path.size() - 1)) {
            parent = (ObjectNode) parent.get(name);
        }
        String field = path.get(path.size() - 1);
        JsonNode value = parent.get(field);
        boolean binary = value != null && value.isTextual() && isBinaryMember(field);
        if (binary && random.nextInt(3) > 0) {
            byte[] bytes = decodeOrEmpty(value.textValue());
            byte[] mutated = switch (field) {
                case "clientDataJSON" -> clientData(bytes, random);
                case "authenticatorData" -> authenticatorData(bytes, random);
                case "attestationObject" -> attestationObject(bytes, random);
                default -> bytes(bytes, random);
            };
            parent.put(field, B64.encodeToString(mutated));
            return String.join(".", path) + ": bytes";
        }
        JsonNode replacement = anyValue(random);
        if (replacement == null) {
            parent.remove(field);
            return String.join(".", path) + ": removed";
        }
        parent.set(field, replacement);
        return String.join(".", path) + " = " + abbreviate(replacement.toString());
    }

    private static boolean isBinaryMember(String field) {
        return switch (field) {
            case "id", "rawId", "clientDataJSON", "authenticatorData", "signature", "userHandle", "attestationObject",
                 "publicKey" -> true;
            default -> false;
        };
    }

    /** A JSON value of any type, or {@code null} to remove the member. */
    private static JsonNode anyValue(Random random) {
        return switch (random.nextInt(13)) {
            case 0 -> null;
            case 1 -> NODES.nullNode();
            case 2 -> NODES.numberNode(random.nextLong());
            case 3 -> NODES.numberNode(random.nextInt(3) - 1);
            case 4 -> NODES.booleanNode(random.nextBoolean());
            case 5 -> NODES.arrayNode().add(NODES.textNode("x")).add(1);
            case 6 -> NODES.objectNode().put("a", 1);
            case 7 -> NODES.textNode("");
            case 8 -> NODES.textNode("!!not*base64url==");
            case 9 -> NODES.textNode("A".repeat(1 + random.nextInt(5000)));
            case 10 -> NODES.textNode("\u202Eadmin\u0000\r\n");
            case 11 -> NODES.numberNode(random.nextDouble() * 1e300);
            default -> NODES.textNode(B64.encodeToString(randomBytes(random, random.nextInt(1200))));
        };
    }

    /** The client data JSON with one member changed, added or removed; or not JSON at all. */
    private static byte[] clientData(byte[] bytes, Random random) {
        try {
            JsonNode parsed = JSON.readTree(bytes);
            if (parsed instanceof ObjectNode clientData && random.nextInt(6) > 0) {
                List<String> names = new ArrayList<>(List.of("type", "challenge", "origin", "crossOrigin", "topOrigin", "extra"));
                clientData.fieldNames().forEachRemaining(names::add);
                String name = names.get(random.nextInt(names.size()));
                JsonNode replacement = anyValue(random);
                if (replacement == null) {
                    clientData.remove(name);
                } else {
                    clientData.set(name, replacement);
                }
                return JSON.writeValueAsBytes(clientData);
            }
        } catch (java.io.IOException notJson) {
            // fall through to byte-level damage
        }
        return bytes(bytes, random);
    }

    /** Assertion authenticator data: flags, counter, RP ID hash, length. */
    private static byte[] authenticatorData(byte[] bytes, Random random) {
        if (bytes.length <= COUNTER + 3) {
            return bytes(bytes, random);
        }
        byte[] data = bytes.clone();
        switch (random.nextInt(5)) {
            case 0 -> data[FLAGS] = (byte) random.nextInt(256);
            case 1 -> {
                for (int i = COUNTER; i < COUNTER + 4; i++) {
                    data[i] = (byte) random.nextInt(256);
                }
            }
            case 2 -> data[random.nextInt(FLAGS)] ^= (byte) (1 + random.nextInt(255));
            case 3 -> {
                data[FLAGS] |= (byte) (0x40 | 0x80);
                data = concat(data, randomBytes(random, random.nextInt(80)));
            }
            default -> data = bytes(data, random);
        }
        return data;
    }

    /** The attestation object's CBOR: its format, statement, authenticator data, COSE key. */
    private static byte[] attestationObject(byte[] bytes, Random random) {
        Object decoded;
        try {
            decoded = Cbor.decode(bytes);
        } catch (RuntimeException notOurCbor) {
            return bytes(bytes, random);
        }
        if (!(decoded instanceof Map<?, ?> map) || random.nextInt(8) == 0) {
            return bytes(bytes, random);
        }
        Map<Object, Object> attestation = new LinkedHashMap<>(map);
        if (attestation.get("attStmt") instanceof Map<?, ?> statement && !statement.isEmpty() && random.nextBoolean()) {
            attestation.put("attStmt", attestationStatement(statement, random));
            if (random.nextInt(4) == 0) {
                attestation.put("fmt", FORMATS.get(random.nextInt(FORMATS.size())));
            }
            return Cbor.encode(attestation);
        }
        switch (random.nextInt(8)) {
            case 0 -> attestation.put("fmt", random.nextBoolean() ? "x".repeat(random.nextInt(300)) : (Object) (long) random.nextInt());
            case 1 -> attestation.put("attStmt", random.nextBoolean() ? Map.of("sig", randomBytes(random, 70)) : (Object) 7L);
            case 2 -> attestation.remove(List.of("fmt", "attStmt", "authData").get(random.nextInt(3)));
            case 5 -> attestation.put(random.nextBoolean() ? "epAtt" : "extra", randomBytes(random, random.nextInt(40)));
            case 6 -> {
                Map<Object, Object> selfSigned = new LinkedHashMap<>();          // a none statement with members
                selfSigned.put("alg", -7L);
                selfSigned.put("sig", randomBytes(random, 70));
                attestation.put("attStmt", selfSigned);
            }
            case 7 -> {
                return concat(Cbor.encode(attestation), randomBytes(random, 1 + random.nextInt(8)));
            }
            default -> {
                if (attestation.get("authData") instanceof byte[] authData) {
                    attestation.put("authData", attestedData(authData, random));
                }
            }
        }
        return Cbor.encode(attestation);
    }

    /** The attestation statement formats of WebAuthn §8 and one nobody defined. */
    private static final List<String> FORMATS =
            List.of("packed", "tpm", "android-key", "android-safetynet", "fido-u2f", "apple", "none", "compound", "unknown");

    /**
     * An attestation statement ({@code packed}: alg, sig, x5c) with one member changed: the
     * algorithm, the signature, the certificate chain (dropped, emptied, a certificate damaged,
     * another CBOR type), or a member removed or added.
     */
    private static Map<Object, Object> attestationStatement(Map<?, ?> valid, Random random) {
        Map<Object, Object> statement = new LinkedHashMap<>(valid);
        switch (random.nextInt(6)) {
            case 0 -> statement.put("alg", random.nextBoolean() ? (Object) (long) (random.nextInt(600) - 300) : "ES256");
            case 1 -> statement.put("sig", statement.get("sig") instanceof byte[] sig ? bytes(sig, random) : randomBytes(random, 70));
            case 2 -> {
                List<Object> chain = statement.get("x5c") instanceof List<?> list ? new java.util.ArrayList<>(list) : new java.util.ArrayList<>();
                switch (random.nextInt(5)) {
                    case 0 -> chain.clear();
                    case 1 -> chain.add(randomBytes(random, random.nextInt(600)));
                    case 2 -> {
                        if (!chain.isEmpty() && chain.get(0) instanceof byte[] certificate) {
                            chain.set(0, bytes(certificate, random));
                        }
                    }
                    case 3 -> chain.add(0, "not a certificate");
                    default -> chain.add(chain.isEmpty() ? randomBytes(random, 10) : chain.get(0));
                }
                statement.put("x5c", random.nextInt(8) == 0 ? (Object) randomBytes(random, 40) : chain);
            }
            case 3 -> statement.remove(List.of("alg", "sig", "x5c").get(random.nextInt(3)));
            case 4 -> statement.put(List.of("ecdaaKeyId", "certInfo", "pubArea", "response").get(random.nextInt(4)),
                    randomBytes(random, random.nextInt(100)));
            default -> statement.put("ver", random.nextBoolean() ? "2.0" : (Object) 3L);
        }
        return statement;
    }

    /** Registration authenticator data: flags, credential ID length, the COSE key inside. */
    private static byte[] attestedData(byte[] bytes, Random random) {
        if (bytes.length <= CREDENTIAL_ID_LENGTH + 2) {
            return bytes(bytes, random);
        }
        byte[] data = bytes.clone();
        int idLength = ((data[CREDENTIAL_ID_LENGTH] & 0xff) << 8) | (data[CREDENTIAL_ID_LENGTH + 1] & 0xff);
        int keyStart = CREDENTIAL_ID_LENGTH + 2 + idLength;
        switch (random.nextInt(6)) {
            case 0 -> data[FLAGS] = (byte) random.nextInt(256);
            case 1 -> {
                data[CREDENTIAL_ID_LENGTH] = (byte) random.nextInt(256);
                data[CREDENTIAL_ID_LENGTH + 1] = (byte) random.nextInt(256);
            }
            case 4 -> data[FLAGS] ^= (byte) new int[] {0x08, 0x10, 0x18, 0x40, 0x80}[random.nextInt(5)];   // BE, BS, both, AT, ED
            case 5 -> {
                data[FLAGS] |= (byte) 0x80;                                       // extensions: a map, another item, bytes after
                Object extensions = random.nextBoolean() ? Map.of("credProtect", (long) random.nextInt(4)) : (Object) (long) random.nextInt();
                data = concat(data, random.nextBoolean() ? Cbor.encode(extensions)
                        : concat(Cbor.encode(extensions), randomBytes(random, 1 + random.nextInt(8))));
            }
            case 2 -> {
                if (keyStart < data.length) {
                    data = concat(Arrays.copyOf(data, keyStart), coseKey(Arrays.copyOfRange(data, keyStart, data.length), random));
                }
            }
            default -> data = bytes(data, random);
        }
        return data;
    }

    /** A COSE key with one parameter changed: key type, algorithm, curve, coordinates. */
    private static byte[] coseKey(byte[] bytes, Random random) {
        Object decoded;
        try {
            decoded = Cbor.decode(bytes);
        } catch (RuntimeException notOurCbor) {
            return bytes(bytes, random);
        }
        if (!(decoded instanceof Map<?, ?> map)) {
            return bytes(bytes, random);
        }
        if (random.nextInt(4) == 0) {
            return keyOnAnotherCurve(random);
        }
        Map<Object, Object> key = new LinkedHashMap<>(map);
        long[] labels = {1, 3, -1, -2, -3, 2, -4};                                // and kid, d: members a credential key must not have
        long label = labels[random.nextInt(labels.length)];
        Object value = switch (random.nextInt(4)) {
            case 0 -> (long) (random.nextInt(600) - 300);
            case 1 -> randomBytes(random, random.nextInt(70));
            case 2 -> "text";
            default -> null;
        };
        if (value == null) {
            key.remove(label);
        } else {
            key.put(label, value);
        }
        return Cbor.encode(key);
    }

    /**
     * A well-formed EC2 key on P-256, P-384 or P-521 declaring ES256, ES384 or ES512, which fits
     * its algorithm or not (a P-384 key declared ES256, say).
     */
    private static byte[] keyOnAnotherCurve(Random random) {
        String[] curves = {"secp256r1", "secp384r1", "secp521r1"};
        int curve = random.nextInt(curves.length);
        int size = new int[] {32, 48, 66}[curve];
        java.security.interfaces.ECPublicKey publicKey;
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
            generator.initialize(new java.security.spec.ECGenParameterSpec(curves[curve]));
            publicKey = (java.security.interfaces.ECPublicKey) generator.generateKeyPair().getPublic();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        Map<Object, Object> key = new LinkedHashMap<>();
        key.put(1L, 2L);
        key.put(3L, List.of(-7L, -35L, -36L).get(random.nextInt(3)));
        key.put(-1L, (long) curve + 1);
        key.put(-2L, unsigned(publicKey.getW().getAffineX(), size));
        key.put(-3L, unsigned(publicKey.getW().getAffineY(), size));
        return Cbor.encode(key);
    }

    private static byte[] unsigned(java.math.BigInteger value, int size) {
        byte[] bytes = value.toByteArray();
        byte[] result = new byte[size];
        int copy = Math.min(bytes.length, size);
        System.arraycopy(bytes, bytes.length - copy, result, size - copy, copy);
        return result;
    }

    /** Byte-level damage: truncated, extended, a flipped bit, emptied, or random. */
    private static byte[] bytes(byte[] bytes, Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> Arrays.copyOf(bytes, bytes.length == 0 ? 0 : random.nextInt(bytes.length));
            case 1 -> concat(bytes, randomBytes(random, 1 + random.nextInt(2000)));
            case 2 -> {
                byte[] flipped = bytes.clone();
                if (flipped.length > 0) {
                    flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
                }
                yield flipped;
            }
            case 3 -> new byte[0];
            default -> randomBytes(random, random.nextInt(1100));
        };
    }

    private static byte[] decodeOrEmpty(String base64Url) {
        try {
            return B64_DECODER.decode(base64Url);
        } catch (IllegalArgumentException e) {
            return base64Url.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
