package org.passkeyee.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.passkeyee.internal.shared.Refusal;

class BasicCredentialsTest {

    @Test
    void headerWhenBase64OfUserColonPasswordThenBothAsSentThePasswordMayHoldColons() {
        BasicCredentials read = BasicCredentials.of(withAuthorization("bAsIc " + base64("Jöe:se:cret 1")));

        assertEquals("Jöe", read.username());
        assertEquals("se:cret 1", new String(read.password().getValue()));
        assertFalse(read.toString().contains("cret"), "no password in logs");
    }

    @Test
    void headerWhenNotBasicCredentialsThenInvalidCredentialsBeforeAnyStore() {
        byte[] latin1 = "jo\u00e9:x".getBytes(StandardCharsets.ISO_8859_1);
        for (String header : new String[] {"Basic", "Basic !!!", "Basic " + base64("no-colon"), "Basic " + base64(":password"),
                "Basic " + Base64.getEncoder().encodeToString(latin1), "Basic " + "A".repeat(5000), "Bearer abc"}) {
            Refusal refused = assertThrows(Refusal.class, () -> BasicCredentials.of(withAuthorization(header)), header);
            assertEquals("invalid_credentials", refused.code().code());
            assertEquals(401, refused.code().status());
        }
    }

    @Test
    void arePresentOnlyForTheBasicScheme() {
        assertTrue(BasicCredentials.arePresent(withAuthorization("Basic x")));
        assertFalse(BasicCredentials.arePresent(withAuthorization("Bearer x")));
        assertFalse(BasicCredentials.arePresent(withAuthorization(null)));
    }

    private static HttpServletRequest withAuthorization(String header) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getHeader("Authorization")).thenReturn(header);
        return request;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
