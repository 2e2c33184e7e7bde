package org.passkeyee.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.passkeyee.internal.Json;
import org.passkeyee.internal.Refusal;

/**
 * Writes JSON answers. Errors are written with {@code setStatus} and a body, never with
 * {@code sendError}, which the container would replace with its HTML error page.
 */
public final class JsonAnswers {

    private JsonAnswers() {
    }

    static void write(HttpServletResponse response, int status, Object body) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    /** A refusal, as decided where it was thrown: its status, {@code Retry-After} if any, code and message. */
    public static void error(HttpServletResponse response, Refusal refusal) throws IOException {
        if (refusal.retryAfter() != null) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, refusal.retryAfter().toSeconds())));
        }
        ObjectNode body = Json.MAPPER.createObjectNode()
                .put("error", refusal.code().code())
                .put("message", refusal.getMessage());
        write(response, refusal.status(), body);
    }

    /**
     * The last resort for a fault that is not a refusal (a bug): a JSON 500 without any detail,
     * unless the response is already on its way.
     */
    public static void internalError(HttpServletResponse response) throws IOException {
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
