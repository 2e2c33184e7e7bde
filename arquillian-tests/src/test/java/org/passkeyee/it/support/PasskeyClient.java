package org.passkeyee.it.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.passkeyee.testsupport.SoftwareAuthenticator;
import org.passkeyee.testsupport.Tamper;

/**
 * One "browser" talking to the deployed application: its own cookie jar, never following
 * redirects, always on {@code http://localhost:<port>} (WebAuthn needs a domain as RP ID, and
 * Payara Micro advertises the machine's IP address). Plain HTTP helpers plus the passkey flows.
 */
public final class PasskeyClient {

    /** The session cookie of Payara (and most servlet containers). */
    public static final String SESSION_COOKIE = "JSESSIONID";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String origin;
    private final String appBase;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private final URL deploymentUrl;
    private volatile URL node;

    /**
     * A fresh browser for the application at {@code deploymentUrl} (the
     * {@code @ArquillianResource} URL); only its port and path are used.
     */
    public PasskeyClient(URL deploymentUrl) {
        this.deploymentUrl = deploymentUrl;
        this.origin = "http://localhost:" + deploymentUrl.getPort();
        String path = deploymentUrl.getPath();
        this.appBase = origin + (path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(cookies)
                .connectTimeout(TIMEOUT)
                .build();
    }

    /**
     * Sends the following requests straight to one server of a cluster, {@code node} (its port),
     * as a load balancer would forward them: the {@code Host} header, the origin and the cookies
     * stay those of the address this browser was made for. {@code null} goes back to that
     * address. (Needs {@code -Djdk.httpclient.allowRestrictedHeaders=host}.)
     */
    public PasskeyClient via(URL node) {
        this.node = node;
        return this;
    }

    /** A second tab of this browser: the same cookies now (so the same session), its own connections. */
    public PasskeyClient copyWithCookies() {
        PasskeyClient copy = new PasskeyClient(deploymentUrl);
        URI app = URI.create(appBase + "/");
        cookies.getCookieStore().get(app).forEach(cookie -> copy.cookies.getCookieStore().add(app, cookie));
        return copy;
    }

    /** The WebAuthn origin of this browser, {@code http://localhost:<port>}. */
    public String origin() {
        return origin;
    }

    /** The RP ID the tests expect, {@code localhost}. */
    public String rpId() {
        return "localhost";
    }

    // ---------------------------------------------------------------- plain HTTP

    /** GET, with optional header name/value pairs. */
    public Response get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    /** POST of JSON: a {@link JsonNode}, any object Jackson can write, or a ready JSON string. */
    public Response postJson(String path, Object body) {
        return post(path, "application/json", jsonBytes(body));
    }

    /** PATCH of JSON. */
    public Response patchJson(String path, Object body) {
        return send(request(path, "Content-Type", "application/json", "Accept", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(jsonBytes(body))));
    }

    /** DELETE. */
    public Response delete(String path) {
        return send(request(path, "Accept", "application/json").DELETE());
    }

    /** POST of raw bytes with the given content type. */
    public Response post(String path, String contentType, byte[] body) {
        return send(request(path, "Content-Type", contentType, "Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /**
     * A request of any method with a raw body and extra header name/value pairs: what a page of
     * another site can make a browser send (its own {@code Origin}, a form's content type).
     */
    public Response send(String method, String path, String contentType, byte[] body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = contentType;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send(request(path, all).method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** The value of a cookie this browser would send to the application. */
    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().get(URI.create(appBase + "/")).stream()
                .filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    /** The session ID cookie, or {@code null} when there is no session yet. */
    public String sessionId() {
        return cookie(SESSION_COOKIE).orElse(null);
    }

    // ---------------------------------------------------------------- passkey flows

    /** Sign-up, step 1: {@code POST /passkey/register/options} with a username and display name. */
    public Response registrationOptions(String username, String displayName) {
        ObjectNode body = JSON.createObjectNode().put("username", username).put("displayName", displayName);
        return postJson("/passkey/register/options", body);
    }

    /** Adding a passkey as a signed-in caller, step 1: {@code POST /passkey/register/options} with {@code {}}. */
    public Response registrationOptions() {
        return postJson("/passkey/register/options", JSON.createObjectNode());
    }

    /** Registration, step 2: {@code POST /passkey/register} with the credential and a label. */
    public Response finishRegistration(JsonNode credential, String label) {
        ObjectNode body = JSON.createObjectNode();
        body.set("credential", credential);
        body.put("label", label);
        return postJson("/passkey/register", body);
    }

    /** Signs up a new user with a new passkey of {@code authenticator}; answers the final response. */
    public Response signUp(String username, SoftwareAuthenticator authenticator) {
        JsonNode options = registrationOptions(username, username).expectStatus(200).json();
        return finishRegistration(authenticator.register(options, origin), "passkey of " + username);
    }

    /** Adds a passkey of {@code authenticator} to the signed-in caller; answers the final response. */
    public Response addPasskey(SoftwareAuthenticator authenticator, String label) {
        JsonNode options = registrationOptions().expectStatus(200).json();
        return finishRegistration(authenticator.register(options, origin), label);
    }

    /** Sign-in, step 1, usernameless: {@code POST /passkey/login/options} with {@code {}}. */
    public Response loginOptions() {
        return postJson("/passkey/login/options", JSON.createObjectNode());
    }

    /** Sign-in, step 1, username first. */
    public Response loginOptions(String username) {
        return postJson("/passkey/login/options", JSON.createObjectNode().put("username", username));
    }

    /** Sign-in, step 2: {@code POST /passkey/login} with the assertion as the whole body. */
    public Response finishLogin(JsonNode assertion) {
        return postJson("/passkey/login", assertion);
    }

    /** Usernameless sign-in with a discoverable credential of {@code authenticator}. */
    public Response signIn(SoftwareAuthenticator authenticator) {
        return signIn(authenticator, Tamper.none());
    }

    /** Usernameless sign-in, with one thing tampered with. */
    public Response signIn(SoftwareAuthenticator authenticator, Tamper tamper) {
        JsonNode options = loginOptions().expectStatus(200).json();
        return finishLogin(authenticator.authenticate(options, origin, tamper));
    }

    /** Username-first sign-in. */
    public Response signIn(String username, SoftwareAuthenticator authenticator) {
        JsonNode options = loginOptions(username).expectStatus(200).json();
        return finishLogin(authenticator.authenticate(options, origin));
    }

    /** {@code GET /api/me} as a script would ask ({@code Accept: application/json}). */
    public Response me() {
        return get("/api/me", "Accept", "application/json");
    }

    /** {@code GET /passkey/credentials}. */
    public Response passkeys() {
        return get("/passkey/credentials", "Accept", "application/json");
    }

    /** {@code POST /passkey/logout}. */
    public Response logout() {
        return postJson("/passkey/logout", JSON.createObjectNode());
    }

    /** The passkey tables, as dumped by the test-only {@link StoreSnapshotServlet}. */
    public JsonNode storeSnapshot() {
        return get(StoreSnapshotServlet.PATH, "Accept", "application/json").expectStatus(200).json();
    }

    // ---------------------------------------------------------------- internals

    private HttpRequest.Builder request(String path, String... headers) {
        URL target = node;
        HttpRequest.Builder builder;
        if (target == null) {
            builder = HttpRequest.newBuilder(URI.create(appBase + path));
        } else {
            builder = HttpRequest.newBuilder(URI.create("http://localhost:" + target.getPort() + appBase.substring(origin.length()) + path))
                    .header("Host", origin.substring("http://".length()));
        }
        builder.timeout(TIMEOUT);
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), parse(response.body()), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] jsonBytes(Object body) {
        if (body instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * One HTTP answer.
     *
     * @param status  the status code
     * @param json    the body parsed as JSON, or {@code null} when empty or not JSON
     * @param body    the raw body
     * @param headers the response headers
     */
    public record Response(int status, JsonNode json, String body, HttpHeaders headers) {

        /** The first value of a header, or {@code null}. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The {@code error} code of an error body, or {@code null}. */
        public String error() {
            return json == null ? null : json.path("error").asText(null);
        }

        /** Returns this response, or fails the test if the status is another one. */
        public Response expectStatus(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + " but got " + this);
            }
            return this;
        }

        /** Status and body, the body cut at 500 characters (error pages can be long). */
        @Override
        public String toString() {
            String shown = body == null || body.length() <= 500 ? body : body.substring(0, 500) + "...";
            return "HTTP " + status + " " + shown;
        }
    }
}
