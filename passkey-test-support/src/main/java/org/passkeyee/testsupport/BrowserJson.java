package org.passkeyee.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;

/**
 * The JSON a browser puts around an authenticator's answer, for {@link SoftwareAuthenticator}:
 * the client data it signs, and the {@code PublicKeyCredential.toJSON()} shape it posts; and how
 * it reads the server's options.
 */
final class BrowserJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ES256 = Es256.COSE_ALGORITHM;

    private BrowserJson() {
    }

    static byte[] clientDataJson(String type, JsonNode options, String origin, Tamper tamper) {
        ObjectNode clientData = JSON.createObjectNode();
        clientData.put("type", textOr(tamper.clientDataType(), type));
        clientData.put("challenge", textOr(tamper.challenge(), options.path("challenge").asText()));
        clientData.put("origin", origin);
        clientData.put("crossOrigin", tamper.topOrigin() != null);
        if (tamper.topOrigin() != null) {
            clientData.put("topOrigin", tamper.topOrigin());
        }
        try {
            return JSON.writeValueAsBytes(clientData);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode credentialJson(byte[] credentialId, ObjectNode response) {
        ObjectNode credential = JSON.createObjectNode();
        credential.put("id", Base64Url.encode(credentialId));
        credential.put("rawId", Base64Url.encode(credentialId));
        credential.put("type", "public-key");
        credential.set("response", response);
        credential.putObject("clientExtensionResults");
        credential.put("authenticatorAttachment", "platform");
        return credential;
    }

    static void requireEs256(JsonNode options) {
        JsonNode params = options.path("pubKeyCredParams");
        if (!params.isArray() || params.isEmpty()) {
            return; // WebAuthn: an empty list means ES256 and RS256
        }
        for (JsonNode param : params) {
            if (param.path("alg").asInt() == ES256) {
                return;
            }
        }
        throw new IllegalStateException("NotSupportedError: ES256 is not among pubKeyCredParams " + params);
    }

    static JsonNode unwrap(JsonNode options) {
        return options.has("publicKey") ? options.get("publicKey") : options;
    }

    static String textOr(JsonNode node, String fallback) {
        return node.isTextual() && !node.asText().isEmpty() ? node.asText() : fallback;
    }

    static String textOr(String value, String fallback) {
        return value != null ? value : fallback;
    }

    static String hostOf(String origin) {
        return URI.create(origin).getHost();
    }
}
