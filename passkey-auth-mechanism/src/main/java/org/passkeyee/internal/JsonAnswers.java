package org.passkeyee.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.passkeyee.PasskeyErrorCode;

/**
 * Writes JSON answers. Errors are written with {@code setStatus} and a body, never with
 * {@code sendError}, which the container would replace with its HTML error page.
 */
final class JsonAnswers {

    /** Abandoned anonymous ceremonies free their places as their sessions expire, over minutes. */
    private static final String TOO_MANY_CEREMONIES_RETRY_AFTER_SECONDS = "60";

    private JsonAnswers() {
    }

    static void write(HttpServletResponse response, int status, JsonNode body) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    static void error(HttpServletResponse response, PasskeyErrorCode code, int status, String message) throws IOException {
        ObjectNode body = Json.MAPPER.createObjectNode()
                .put("error", code.code())
                .put("message", message);
        write(response, status, body);
    }

    static void error(HttpServletResponse response, CeremonyException refusal) throws IOException {
        if (refusal.code() == PasskeyErrorCode.TOO_MANY_CEREMONIES) {
            response.setHeader("Retry-After", TOO_MANY_CEREMONIES_RETRY_AFTER_SECONDS);
        }
        error(response, refusal.code(), refusal.code().status(), refusal.getMessage());
    }

    /**
     * The last resort for a fault that is not a refusal (a bug): a JSON 500 without any detail,
     * unless the response is already on its way.
     */
    static void internalError(HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        write(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, Json.MAPPER.createObjectNode()
                .put("error", "internal_error").put("message", "Something went wrong on the server."));
    }

    static void noContent(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
