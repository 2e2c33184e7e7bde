package org.passkeyee.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Yubico writes options as the argument of {@code navigator.credentials.create/get}, wrapped in
 * {@code {"publicKey": ...}}; the HTTP contract answers the inner WebAuthn Level 3 JSON that
 * {@code PublicKeyCredential.parseCreationOptionsFromJSON} and friends take.
 */
final class PublicKeyJson {

    private PublicKeyJson() {
    }

    static ObjectNode unwrap(String credentialsJson) throws JsonProcessingException {
        return (ObjectNode) Json.MAPPER.readTree(credentialsJson).get("publicKey");
    }
}
