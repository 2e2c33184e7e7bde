package org.passkeyee.internal.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.internal.shared.Json;
import org.passkeyee.internal.shared.Refusal;

/**
 * Reads a request body as one JSON object, refusing anything else before parsing it: a body that
 * is not {@code application/json} (415), larger than the limit (413, read no further than the
 * limit), or not a JSON object (400). Requiring {@code application/json} also keeps plain HTML
 * forms of other sites from posting here without a CORS preflight.
 */
public final class JsonRequestReader {

    /** How much of a refused body {@link #refuseUnread} reads at most, as a multiple of the limit. */
    private static final int DISCARD_FACTOR = 4;

    private final int maxBytes;

    public JsonRequestReader(int maxBytes) {
        this.maxBytes = maxBytes;
    }


    public ObjectNode readObject(HttpServletRequest request) throws IOException {
        byte[] body = readBody(request);
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new Refusal(PasskeyErrorCode.MALFORMED_REQUEST, "The request body is not valid JSON.");
        }
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new Refusal(PasskeyErrorCode.MALFORMED_REQUEST, "The request body must be a JSON object.");
    }

    private byte[] readBody(HttpServletRequest request) throws IOException {
        if (!isJson(request.getContentType())) {
            throw refuseUnread(request, PasskeyErrorCode.UNSUPPORTED_MEDIA_TYPE);
        }
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw refuseUnread(request, PasskeyErrorCode.BODY_TOO_LARGE);
        }
        byte[] body = declared >= 0 ? readDeclared(request.getInputStream(), (int) declared)
                : request.getInputStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            throw refuseUnread(request, PasskeyErrorCode.BODY_TOO_LARGE);
        }
        if (body.length == 0) {
            throw new Refusal(PasskeyErrorCode.MALFORMED_REQUEST, "The request body is empty.");
        }
        return body;
    }

    /**
     * A body of a declared length, read into an array of that length (reading up to the limit
     * would allocate buffers for the whole limit on every request). The container ends the stream
     * at the declared length; a body cut short is returned as far as it came.
     */
    private static byte[] readDeclared(InputStream in, int length) throws IOException {
        byte[] body = new byte[length];
        int read = in.readNBytes(body, 0, length);
        return read == length ? body : Arrays.copyOf(body, read);
    }

    /**
     * The refusal of a body this reader will not read, after reading and dropping what is left of
     * it (up to a few times the limit; a larger body is left alone), so that the container sees
     * the request finished. Undertow otherwise treats an authentication refusal with an unread
     * body as unanswered and logs a stack trace when it tries to send its own error page over our
     * JSON.
     */
    public Refusal refuseUnread(HttpServletRequest request, PasskeyErrorCode code) {
        long bound = (long) maxBytes * DISCARD_FACTOR;
        if (request.getContentLengthLong() <= bound) {
            try {
                InputStream body = request.getInputStream();
                byte[] buffer = new byte[8192];
                long read = 0;
                int n;
                while (read <= bound && (n = body.read(buffer)) >= 0) {
                    read += n;
                }
            } catch (IOException | IllegalStateException e) {
                // nothing more to do: the refusal is answered either way
            }
        }
        return new Refusal(code);
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String mediaType = (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim();
        return mediaType.toLowerCase(Locale.ROOT).equals("application/json");
    }

    /** A text field of the body, or {@code null} when absent; refuses a field of another type. */
    public static String optionalText(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new Refusal(PasskeyErrorCode.MALFORMED_REQUEST, "The field '" + field + "' must be a string.");
        }
        return value.textValue();
    }
}
