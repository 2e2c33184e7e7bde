package org.passkeyee.internal.ceremony;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.passkeyee.internal.shared.Json;

/**
 * Reads an {@code android-safetynet} attestation statement's {@code response}, a JWS, before
 * Yubico does: Yubico logs SEVERE with the whole response for one it cannot parse, and with the
 * certificate for a key that does not fit its algorithm. It must be three base64url parts, a
 * JSON header naming {@code RS256} (the only algorithm Yubico verifies) and its certificates
 * ({@code x5c}, base64 DER), a JSON payload, and a signature as long as the RSA key's modulus.
 * Otherwise {@code registration_rejected}, logging nothing.
 */
final class SafetyNetResponses {

    private SafetyNetResponses() {
    }

    static void checkReadable(JsonNode response) {
        if (response == null || !response.isBinary()) {
            return; // Yubico refuses it without logging
        }
        String[] parts = new String(AttestationStatements.binary(response), StandardCharsets.UTF_8).split("\\.");
        if (parts.length != 3) {
            throw AttestationStatements.refused();
        }
        JsonNode header = json(parts[0]);
        json(parts[1]);
        byte[] signature = base64Url(parts[2]);
        JsonNode x5c = header.get("x5c");
        if (!header.path("alg").asText("").equals("RS256") || x5c == null || !x5c.isArray() || x5c.isEmpty()
                || x5c.size() > AttestationStatements.MAX_CHAIN_LENGTH) {
            throw AttestationStatements.refused();
        }
        PublicKey leaf = null;
        for (JsonNode certificate : x5c) {
            PublicKey key = AttestationStatements.certificate(base64(certificate)).getPublicKey();
            leaf = leaf == null ? key : leaf;
        }
        if (!(leaf instanceof RSAPublicKey rsa && AttestationStatements.fitsRsaKey(signature, rsa))) {
            throw AttestationStatements.refused();
        }
    }

    private static JsonNode json(String part) {
        try {
            JsonNode node = Json.MAPPER.readTree(base64Url(part));
            if (node == null || !node.isObject()) {
                throw AttestationStatements.refused();
            }
            return node;
        } catch (IOException unreadable) {
            throw AttestationStatements.refused();
        }
    }

    private static byte[] base64Url(String part) {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException notBase64) {
            throw AttestationStatements.refused();
        }
    }

    private static byte[] base64(JsonNode certificate) {
        if (!certificate.isTextual()) {
            throw AttestationStatements.refused();
        }
        try {
            return Base64.getMimeDecoder().decode(certificate.asText());
        } catch (IllegalArgumentException notBase64) {
            throw AttestationStatements.refused();
        }
    }
}
