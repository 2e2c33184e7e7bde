package org.passkeyee.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One "browser" on loopback: a cookie jar and one keep-alive HTTP/1.1 connection, as a browser
 * tab keeps. Deliberately minimal (blocking socket, Content-Length and chunked bodies) so that
 * the client spends as little as possible of the two cores it shares with the server: the JDK's
 * {@code HttpClient} costs several times more CPU per request.
 *
 * <p>It always connects to {@code 127.0.0.1} and sends {@code Host: localhost:<port>}, so that the
 * WebAuthn origin is {@code http://localhost:<port>}. A reused connection that the server closed
 * meanwhile is reopened and the request sent once more, as browsers do. Not thread-safe.
 */
final class Browser implements Closeable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final int TIMEOUT_MILLIS = 30_000;

    private final int port;
    private final String hostHeader;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private boolean reused;

    Browser(int port) {
        this.port = port;
        this.hostHeader = "localhost:" + port;
    }

    /** The WebAuthn origin this browser presents. */
    String origin() {
        return "http://" + hostHeader;
    }

    /** Forgets every cookie: the next request starts signed out, in no session. */
    void clearCookies() {
        cookies.clear();
    }

    /** A cookie's value, or {@code null}. */
    String cookie(String name) {
        return cookies.get(name);
    }

    /** Sets a cookie, e.g. to replay another browser's session. */
    void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    Response get(String path) throws IOException {
        return send("GET", path, null);
    }

    Response postJson(String path, Object body) throws IOException {
        byte[] bytes = body instanceof byte[] raw ? raw : JSON.writeValueAsBytes(body);
        return send("POST", path, bytes);
    }

    /** A form post ({@code application/x-www-form-urlencoded}), as a login form sends it. */
    Response postForm(String path, String urlEncoded) throws IOException {
        return send("POST", path, urlEncoded.getBytes(StandardCharsets.US_ASCII), "application/x-www-form-urlencoded");
    }

    /** Sends one request; {@code body} {@code null} for none, else JSON. */
    Response send(String method, String path, byte[] body) throws IOException {
        return send(method, path, body, "application/json");
    }

    private Response send(String method, String path, byte[] body, String contentType) throws IOException {
        byte[] head = head(method, path, body, contentType);
        for (int attempt = 0; ; attempt++) {
            boolean wasReused = connect();
            try {
                out.write(head);
                if (body != null) {
                    out.write(body);
                }
                out.flush();
                Response response = read();
                if ("close".equalsIgnoreCase(response.header("connection"))) {
                    disconnect();
                }
                return response;
            } catch (HttpResponses.StaleConnectionException stale) {
                disconnect();
                if (!wasReused || attempt > 0) {
                    throw stale;
                }
            } catch (IOException e) {
                disconnect();
                throw e;
            }
        }
    }

    @Override
    public void close() {
        disconnect();
    }

    private byte[] head(String method, String path, byte[] body, String contentType) {
        StringBuilder head = new StringBuilder(256)
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(hostHeader).append("\r\n")
                .append("Accept: application/json\r\n");
        if (!cookies.isEmpty()) {
            head.append("Cookie: ");
            boolean first = true;
            for (Map.Entry<String, String> cookie : cookies.entrySet()) {
                head.append(first ? "" : "; ").append(cookie.getKey()).append('=').append(cookie.getValue());
                first = false;
            }
            head.append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n")
                    .append("Content-Length: ").append(body.length).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Opens the connection if needed; whether an open one is being reused. */
    private boolean connect() throws IOException {
        if (socket != null) {
            return true;
        }
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(TIMEOUT_MILLIS);
        s.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
        out = new BufferedOutputStream(s.getOutputStream(), 16 * 1024);
        return false;
    }

    private void disconnect() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
        in = null;
        out = null;
    }

    /** The next response on the connection, its cookies remembered. */
    private Response read() throws IOException {
        Response response = HttpResponses.read(in);
        for (String setCookie : response.headers().getOrDefault("set-cookie", List.of())) {
            remember(setCookie);
        }
        return response;
    }

    private void remember(String setCookie) {
        String[] attributes = setCookie.split(";");
        int equals = attributes[0].indexOf('=');
        if (equals <= 0) {
            return;
        }
        String name = attributes[0].substring(0, equals).trim();
        String value = attributes[0].substring(equals + 1).trim();
        boolean expired = false;
        for (int i = 1; i < attributes.length; i++) {
            String attribute = attributes[i].trim().toLowerCase(Locale.ROOT);
            if (attribute.equals("max-age=0") || attribute.startsWith("expires=thu, 01")) {
                expired = true;
            }
        }
        if (expired || value.isEmpty()) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** One answer. */
    record Response(int status, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            return first(headers, name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        /** Status and body, cut at 300 characters, for error reports. */
        @Override
        public String toString() {
            String text = text().replace('\n', ' ');
            return "HTTP " + status + " " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
        }
    }
}
