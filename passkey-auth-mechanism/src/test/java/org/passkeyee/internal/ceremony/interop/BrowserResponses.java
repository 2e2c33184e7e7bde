package org.passkeyee.internal.ceremony.interop;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.yubico.webauthn.data.ByteArray;

/**
 * TEST-ONLY: a recorded response as the browser posts it ({@code RegistrationResponseJSON},
 * {@code AuthenticationResponseJSON} of WebAuthn §5.1), its byte strings base64url.
 */
final class BrowserResponses {

    private BrowserResponses() {
    }

    /** The registration as the browser's JSON. */
    static ObjectNode registration(InteropVector.Registration registration) {
        ObjectNode response = JsonNodeFactory.instance.objectNode()
                .put("clientDataJSON", registration.clientDataJson().getBase64Url())
                .put("attestationObject", registration.attestationObject().getBase64Url());
        response.putArray("transports");
        return credential(registration.credentialId(), response);
    }

    /** The assertion, made with the credential {@code credentialId}, as the browser's JSON. */
    static ObjectNode assertion(ByteArray credentialId, InteropVector.Assertion assertion) {
        ObjectNode response = JsonNodeFactory.instance.objectNode()
                .put("clientDataJSON", assertion.clientDataJson().getBase64Url())
                .put("authenticatorData", assertion.authenticatorData().getBase64Url())
                .put("signature", assertion.signature().getBase64Url());
        assertion.userHandle().ifPresent(handle -> response.put("userHandle", handle.getBase64Url()));
        return credential(credentialId, response);
    }

    private static ObjectNode credential(ByteArray id, ObjectNode response) {
        ObjectNode credential = JsonNodeFactory.instance.objectNode()
                .put("id", id.getBase64Url())
                .put("rawId", id.getBase64Url())
                .put("type", "public-key");
        credential.set("response", response);
        credential.putObject("clientExtensionResults");
        return credential;
    }
}
