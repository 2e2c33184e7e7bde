package org.passkeyee.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.yubico.webauthn.data.PublicKeyCredentialCreationOptions;
import com.yubico.webauthn.data.PublicKeyCredentialRequestOptions;
import java.util.ArrayList;
import java.util.List;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.internal.config.Hints;
import org.passkeyee.internal.shared.Refusal;

/**
 * The hints an options request names ({@code "hints": ["security-key"]}), or the configured
 * default ({@code passkey.hints}) when it names none, put into the options the browser gets.
 * Hints only guide the browser's choice of authenticator; the ceremony does not depend on them.
 */
final class RequestedHints {

    private final List<String> defaults;

    RequestedHints(List<String> defaults) {
        this.defaults = defaults;
    }

    /**
     * The hints of the request body, or the default.
     *
     * @throws Refusal {@code malformed_request} when {@code hints} is not an array of distinct known hints
     */
    List<String> of(ObjectNode body) {
        JsonNode hints = body.get("hints");
        if (hints == null || hints.isNull()) {
            return defaults;
        }
        if (!hints.isArray() || hints.size() > Hints.KNOWN.size()) {
            throw malformed("The field 'hints' must be a list of at most " + Hints.KNOWN.size() + " hints.");
        }
        List<String> named = new ArrayList<>();
        for (JsonNode hint : hints) {
            if (!hint.isTextual()) {
                throw malformed("The field 'hints' must hold strings.");
            }
            named.add(hint.textValue());
        }
        try {
            return Hints.parse("hints", named);
        } catch (IllegalArgumentException unknown) {
            throw malformed("The field 'hints' may hold " + String.join(", ", Hints.KNOWN) + ", each once.");
        }
    }

    static PublicKeyCredentialCreationOptions applied(PublicKeyCredentialCreationOptions options, List<String> hints) {
        return hints.isEmpty() ? options : options.toBuilder().hints(hints).build();
    }

    static PublicKeyCredentialRequestOptions applied(PublicKeyCredentialRequestOptions options, List<String> hints) {
        return hints.isEmpty() ? options : options.toBuilder().hints(hints).build();
    }

    private static Refusal malformed(String message) {
        return new Refusal(PasskeyErrorCode.MALFORMED_REQUEST, message);
    }
}
