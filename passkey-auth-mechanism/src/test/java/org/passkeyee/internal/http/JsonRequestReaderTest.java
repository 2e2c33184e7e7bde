package org.passkeyee.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.internal.shared.Refusal;

class JsonRequestReaderTest {

    private static final int LIMIT = 64;
    private final JsonRequestReader reader = new JsonRequestReader(LIMIT);

    @Test
    void aBodyOfDeclaredLengthThenItsObject() throws IOException {
        String json = "{\"username\":\"alice\"}";

        assertEquals("alice", reader.readObject(request(json, json.length())).get("username").textValue());
    }

    @Test
    void aBodyWithoutDeclaredLengthThenItsObject() throws IOException {
        assertEquals("alice", reader.readObject(request("{\"username\":\"alice\"}", -1)).get("username").textValue());
    }

    @Test
    void aBodyCutShortOfItsDeclaredLengthThenMalformed() {
        String json = "{\"username\":\"alice\"}";

        assertRefused(PasskeyErrorCode.MALFORMED_REQUEST, request(json.substring(0, 10), json.length()));
    }

    @Test
    void aBodyOverTheLimitThenTooLargeWhetherDeclaredOrNot() {
        String json = "{\"username\":\"" + "a".repeat(LIMIT) + "\"}";

        assertRefused(PasskeyErrorCode.BODY_TOO_LARGE, request(json, json.length()));
        assertRefused(PasskeyErrorCode.BODY_TOO_LARGE, request(json, -1));
    }

    @Test
    void anEmptyBodyOrNotAnObjectThenMalformed() {
        assertRefused(PasskeyErrorCode.MALFORMED_REQUEST, request("", 0));
        assertRefused(PasskeyErrorCode.MALFORMED_REQUEST, request("[1]", 3));
    }

    private void assertRefused(PasskeyErrorCode code, HttpServletRequest request) {
        assertEquals(code, assertThrows(Refusal.class, () -> reader.readObject(request)).code());
    }

    private static HttpServletRequest request(String body, long declaredLength) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getContentType()).thenReturn("application/json; charset=utf-8");
        when(request.getContentLengthLong()).thenReturn(declaredLength);
        try {
            when(request.getInputStream()).thenReturn(new ServletBody(body.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException impossible) {
            throw new AssertionError(impossible);
        }
        return request;
    }
}
