package org.passkeyee.internal.ceremony.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.exception.Base64UrlException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * TEST-ONLY: reads the interoperability data files under {@code interop/} on the test class path:
 * one file per source, naming it (a short {@code label}, its repository, file and commit), with an {@code encoding} ({@code hex} or {@code base64url}) for
 * every byte string, and a list of {@code vectors}.
 */
public final class InteropVectorFiles {

    /** The data files, one per source. */
    public static final List<String> FILES = List.of(
            "interop/w3c-webauthn-l3-test-vectors.json",
            "interop/py-webauthn-recorded.json",
            "interop/yubico-java-webauthn-server-real-examples.json",
            "interop/simplewebauthn-recorded.json",
            "interop/go-webauthn-recorded.json",
            "interop/fido2-net-lib-recorded.json");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private InteropVectorFiles() {
    }

    /** Every vector of every file. */
    public static List<InteropVector> all() {
        List<InteropVector> vectors = new ArrayList<>();
        for (String file : FILES) {
            vectors.addAll(read(file));
        }
        return vectors;
    }

    /** The vectors of one file. */
    static List<InteropVector> read(String resource) {
        JsonNode document = parse(resource);
        JsonNode source = document.path("source");
        String sourceName = text(source, "label");
        Bytes bytes = new Bytes(document.path("encoding").asText());
        List<InteropVector> vectors = new ArrayList<>();
        for (JsonNode vector : document.path("vectors")) {
            vectors.add(vector(sourceName, vector, bytes));
        }
        return vectors;
    }

    private static InteropVector vector(String source, JsonNode vector, Bytes bytes) {
        JsonNode registration = vector.path("registration");
        JsonNode authentication = vector.path("authentication");
        Optional<InteropVector.Assertion> assertion = authentication.isMissingNode() ? Optional.empty()
                : Optional.of(new InteropVector.Assertion(
                        bytes.of(authentication, "challenge"),
                        bytes.of(authentication, "clientDataJSON"),
                        bytes.of(authentication, "authenticatorData"),
                        bytes.of(authentication, "signature"),
                        authentication.hasNonNull("userHandle")
                                ? Optional.of(bytes.of(authentication, "userHandle")) : Optional.empty()));
        return new InteropVector(source, text(vector, "name"), text(vector, "device"), text(vector, "format"),
                text(vector, "algorithm"), text(vector, "rpId"), text(vector, "origin"),
                vector.hasNonNull("topOriginToAllow") ? vector.path("topOriginToAllow").asText() : null,
                new InteropVector.Registration(
                        bytes.of(registration, "challenge"),
                        bytes.of(registration, "credentialId"),
                        bytes.of(registration, "clientDataJSON"),
                        bytes.of(registration, "attestationObject")),
                assertion,
                expected(vector.path("expected")),
                vector.hasNonNull("topOriginToAllow") ? expected(vector.path("expectedWithTopOriginAllowed")) : null,
                vector.has("expectedWithNoneAttestation") ? expected(vector.path("expectedWithNoneAttestation")) : null);
    }

    private static InteropVector.Expected expected(JsonNode expected) {
        return new InteropVector.Expected(text(expected, "registration"),
                expected.hasNonNull("signIn") ? expected.path("signIn").asText() : null,
                expected.path("why").asText(null));
    }

    private static String text(JsonNode node, String field) {
        if (!node.hasNonNull(field)) {
            throw new IllegalArgumentException("Interop vector without " + field + ": " + node);
        }
        return node.path(field).asText();
    }

    private static JsonNode parse(String resource) {
        try (InputStream in = InteropVectorFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + resource);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Byte strings in a file's encoding. */
    private record Bytes(String encoding) {

        ByteArray of(JsonNode node, String field) {
            String value = text(node, field);
            return switch (encoding) {
                case "hex" -> new ByteArray(HexFormat.of().parseHex(value));
                case "base64url" -> base64Url(value);
                default -> throw new IllegalArgumentException("Unknown encoding " + encoding);
            };
        }

        private static ByteArray base64Url(String value) {
            try {
                return ByteArray.fromBase64Url(value);
            } catch (Base64UrlException e) {
                throw new IllegalArgumentException("Not base64url: " + value, e);
            }
        }
    }
}
