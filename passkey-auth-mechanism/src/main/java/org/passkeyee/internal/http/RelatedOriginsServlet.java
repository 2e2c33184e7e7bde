package org.passkeyee.internal.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.internal.shared.Json;
import org.passkeyee.internal.shared.Refusal;

/**
 * {@code GET /.well-known/webauthn}: the origins other than the RP ID's own that may use it
 * ({@code passkey.related-origins}; WebAuthn's related origin requests), as browsers fetch it from
 * the RP ID's host before they let a page of another site use the RP ID. Public and cacheable for
 * a day; Android app origins are left out (apps are vouched for by the site's
 * {@code assetlinks.json}, not by this file).
 */
final class RelatedOriginsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String PATH = "/.well-known/webauthn";

    private final transient byte[] body;

    RelatedOriginsServlet(List<String> relatedOrigins) {
        ObjectNode document = Json.MAPPER.createObjectNode();
        ArrayNode origins = document.putArray("origins");
        relatedOrigins.stream().filter(origin -> !origin.startsWith("android:")).forEach(origins::add);
        this.body = document.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Whether there is anything to serve: a web origin among the related ones. */
    static boolean worthServing(List<String> relatedOrigins) {
        return relatedOrigins.stream().anyMatch(origin -> !origin.startsWith("android:"));
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            JsonAnswers.error(response, new Refusal(PasskeyErrorCode.METHOD_NOT_ALLOWED));
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "public, max-age=86400");
        response.setContentLength(body.length);
        if ("GET".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }
}
