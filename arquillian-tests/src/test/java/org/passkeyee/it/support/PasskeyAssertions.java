package org.passkeyee.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.passkeyee.it.support.PasskeyClient.Response;

/** Assertions and small helpers shared by the integration tests. */
public final class PasskeyAssertions {

    private PasskeyAssertions() {
    }

    /**
     * Asserts a refusal: the status, a JSON content type (never an HTML error page) and a body
     * {@code {"error": code, "message": "..."}}.
     */
    public static void assertRefused(Response response, int status, String errorCode) {
        assertEquals(status, response.status(), () -> "status of " + response);
        String contentType = response.header("Content-Type");
        assertNotNull(contentType, () -> "Content-Type of " + response);
        assertTrue(contentType.toLowerCase().startsWith("application/json"),
                () -> "Content-Type " + contentType + " of " + response);
        assertNotNull(response.json(), () -> "JSON body of " + response);
        assertEquals(errorCode, response.error(), () -> "error code of " + response);
        assertTrue(response.json().path("message").isTextual(), () -> "message of " + response);
    }

    /** The WebAuthn options of an options response, whether bare or wrapped in {@code "publicKey"}. */
    public static JsonNode optionsOf(Response response) {
        JsonNode json = response.json();
        assertNotNull(json, () -> "JSON options in " + response);
        return json.has("publicKey") ? json.get("publicKey") : json;
    }

    /** The {@code id}s of a list of credential descriptors (or of passkey summaries). */
    public static Set<String> idsOf(JsonNode list) {
        Set<String> ids = new TreeSet<>();
        list.forEach(entry -> ids.add(entry.path("id").asText()));
        return ids;
    }

    /** The field names of a JSON object. */
    public static Set<String> fieldNamesOf(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A username no other test uses, e.g. {@code alice-3f9c2a1b}. */
    public static String uniqueUsername(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
