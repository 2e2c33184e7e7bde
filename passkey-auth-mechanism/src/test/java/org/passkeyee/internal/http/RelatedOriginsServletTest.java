package org.passkeyee.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /.well-known/webauthn}: the related web origins, public and cacheable. */
class RelatedOriginsServletTest {

    private static final String APP = "android:apk-key-hash:" + "A".repeat(43);

    @Test
    void getThenTheRelatedWebOriginsAsJsonCacheableForADay() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        HttpServletResponse response = response(body);

        new RelatedOriginsServlet(List.of("https://other.example", APP, "https://shop.example")).service(request("GET"), response);

        verify(response).setStatus(200);
        verify(response).setContentType("application/json");
        verify(response).setHeader("Cache-Control", "public, max-age=86400");
        assertEquals("{\"origins\":[\"https://other.example\",\"https://shop.example\"]}", body.toString(StandardCharsets.UTF_8));
    }

    @Test
    void worthServingOnlyWithAWebOrigin() {
        assertTrue(RelatedOriginsServlet.worthServing(List.of("https://other.example")));
        assertFalse(RelatedOriginsServlet.worthServing(List.of(APP)));
        assertFalse(RelatedOriginsServlet.worthServing(List.of()));
    }

    @Test
    void postThenMethodNotAllowed() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        HttpServletResponse response = response(body);

        new RelatedOriginsServlet(List.of("https://other.example")).service(request("POST"), response);

        verify(response).setStatus(405);
        assertTrue(body.toString(StandardCharsets.UTF_8).contains("method_not_allowed"));
    }

    private static HttpServletRequest request(String method) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getMethod()).thenReturn(method);
        return request;
    }

    private static HttpServletResponse response(ByteArrayOutputStream body) throws Exception {
        HttpServletResponse response = mock(HttpServletResponse.class);
        when(response.getOutputStream()).thenReturn(new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }

            @Override
            public void write(int b) {
                body.write(b);
            }
        });
        return response;
    }
}
