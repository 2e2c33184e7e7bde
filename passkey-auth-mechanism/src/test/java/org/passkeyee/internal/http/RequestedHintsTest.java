package org.passkeyee.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.PublicKeyCredentialRequestOptions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.internal.shared.Json;
import org.passkeyee.internal.shared.Refusal;

/** The hints an options request names, checked, or the configured default; put into the options. */
class RequestedHintsTest {

    private final RequestedHints hints = new RequestedHints(List.of("client-device"));

    @Test
    void ofWhenTheRequestNamesNoneThenTheDefault() throws Exception {
        assertEquals(List.of("client-device"), hints.of(body("{}")));
        assertEquals(List.of("client-device"), hints.of(body("{\"hints\": null}")));
    }

    @Test
    void ofWhenTheRequestNamesKnownHintsThenThoseInItsOrder() throws Exception {
        assertEquals(List.of("security-key", "hybrid"), hints.of(body("{\"hints\": [\"security-key\", \"hybrid\"]}")));
        assertEquals(List.of(), hints.of(body("{\"hints\": []}")), "an empty list: no hints, not the default");
    }

    @Test
    void ofWhenHintsAreMalformedThenMalformedRequest() {
        for (String malformed : List.of("{\"hints\": \"hybrid\"}", "{\"hints\": [1]}", "{\"hints\": [\"usb\"]}",
                "{\"hints\": [\"hybrid\", \"hybrid\"]}", "{\"hints\": [\"hybrid\", \"security-key\", \"client-device\", \"hybrid\"]}")) {
            Refusal refusal = assertThrows(Refusal.class, () -> hints.of(body(malformed)), malformed);
            assertEquals(PasskeyErrorCode.MALFORMED_REQUEST, refusal.code());
            assertEquals(400, refusal.status());
        }
    }

    @Test
    void appliedThenTheBrowserGetsThemAndNoneLeavesTheOptionsAlone() throws Exception {
        PublicKeyCredentialRequestOptions options = PublicKeyCredentialRequestOptions.builder()
                .challenge(new ByteArray(new byte[32])).build();

        assertEquals("[\"hybrid\"]", Json.MAPPER.valueToTree(RequestedHints.applied(options, List.of("hybrid")))
                .path("hints").toString());
        assertEquals(options, RequestedHints.applied(options, List.of()));
    }

    private static ObjectNode body(String json) throws Exception {
        return (ObjectNode) Json.MAPPER.readTree(json);
    }
}
