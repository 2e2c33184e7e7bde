package org.passkeyee.bench;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one HTTP/1.1 response from a keep-alive connection, for {@link Browser}: the status line,
 * the headers (names lower-cased), and a body of a {@code Content-Length}, chunked, or up to the
 * end of the connection (then marked {@code Connection: close}).
 */
final class HttpResponses {

    private HttpResponses() {
    }

    /**
     * The next response.
     *
     * @throws StaleConnectionException when the peer had closed a reused connection before answering
     */
    static Browser.Response read(InputStream in) throws IOException {
        String statusLine = readLine(in, true);
        if (statusLine == null) {
            throw new StaleConnectionException();
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = readLine(in, false); !line.isEmpty(); line = readLine(in, false)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>(2))
                        .add(line.substring(colon + 1).trim());
            }
        }
        return new Browser.Response(status, headers, body(in, status, headers));
    }

    private static byte[] body(InputStream in, int status, Map<String, List<String>> headers) throws IOException {
        String length = Browser.first(headers, "content-length");
        if (status == 204 || status == 304 || status / 100 == 1) {
            return new byte[0];
        }
        if ("chunked".equalsIgnoreCase(Browser.first(headers, "transfer-encoding"))) {
            return readChunked(in);
        }
        if (length != null) {
            return in.readNBytes(Integer.parseInt(length));
        }
        headers.put("connection", List.of("close"));
        return in.readAllBytes();
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in, false);
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                while (!readLine(in, false).isEmpty()) {
                    // trailers: none expected, skipped
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine(in, false);
        }
    }

    /** A CRLF-terminated line; {@code null} if the peer closed before the first byte and {@code allowEof}. */
    private static String readLine(InputStream in, boolean allowEof) throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int b;
            try {
                b = in.read();
            } catch (IOException e) {
                if (allowEof && line.length() == 0) {
                    return null; // e.g. "connection reset" on a connection the server had closed
                }
                throw e;
            }
            if (b < 0) {
                if (allowEof && line.length() == 0) {
                    return null;
                }
                throw new EOFException("connection closed in the middle of a response");
            }
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            line.append((char) b);
        }
    }

    /** A reused keep-alive connection the server had already closed. */
    static final class StaleConnectionException extends IOException {
        private static final long serialVersionUID = 1L;

        StaleConnectionException() {
            super("the server closed the connection before answering");
        }
    }
}
