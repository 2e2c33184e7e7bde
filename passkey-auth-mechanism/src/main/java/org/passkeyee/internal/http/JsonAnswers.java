package org.passkeyee.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.TransactionalException;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.PasskeyStoreException;
import org.passkeyee.internal.shared.Json;
import org.passkeyee.internal.shared.LogText;
import org.passkeyee.internal.shared.Refusal;

/**
 * Writes JSON answers. Errors are written with {@code setStatus} and a body, never with
 * {@code sendError}, which the container would replace with its HTML error page.
 */
final class JsonAnswers {

    private static final Logger LOG = Logger.getLogger(JsonAnswers.class.getName());

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
    static void error(HttpServletResponse response, Refusal refusal) throws IOException {
        if (refusal.retryAfter() != null) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, refusal.retryAfter().toSeconds())));
        }
        ObjectNode body = Json.MAPPER.createObjectNode()
                .put("error", refusal.code().code())
                .put("message", refusal.getMessage());
        write(response, refusal.status(), body);
    }

    /**
     * A failure that is not a refusal: a failing store (including a JTA commit that fails after the
     * store method returned, which surfaces as {@code TransactionalException}) is
     * {@code 503 store_unavailable}; anything else is a bug, logged with its stack trace and
     * answered {@code 500 internal_error} without any detail, unless the response is already on
     * its way.
     */
    static void failure(HttpServletRequest request, HttpServletResponse response, RuntimeException failure)
            throws IOException {
        if (failure instanceof PasskeyStoreException || failure instanceof TransactionalException) {
            LOG.warning(() -> "Passkey store unavailable: " + LogText.storeFailure(failure));
            error(response, new Refusal(PasskeyErrorCode.STORE_UNAVAILABLE));
            return;
        }
        LOG.log(Level.SEVERE, "Passkey request failed: " + request.getMethod() + " " + request.getRequestURI(), failure);
        if (!response.isCommitted()) {
            response.reset();
            error(response, new Refusal(PasskeyErrorCode.INTERNAL_ERROR));
        }
    }

    static void noContent(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
