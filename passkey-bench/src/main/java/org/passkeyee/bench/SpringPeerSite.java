package org.passkeyee.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.passkeyee.testsupport.SoftwareAuthenticator;

/**
 * The Spring Security 7 peer ({@code passkey-bench/spring-peer}), spoken to as Spring's own
 * {@code spring-security-webauthn.js} does: a caller signs in with the form login, then
 * {@code POST /webauthn/register/options} and {@code POST /webauthn/register}; a ceremony is
 * {@code POST /webauthn/authenticate/options}, {@code POST /login/webauthn}, {@code GET /me}.
 */
final class SpringPeerSite implements PasskeySite {

    @Override
    public SignInLoad.Caller register(Browser browser, String username, boolean synced) throws IOException {
        browser.clearCookies();
        Browser.Response login = browser.postForm("/login",
                "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=bench");
        if (login.status() != 302 || String.valueOf(login.header("location")).contains("error")) {
            throw new IOException("form login of " + username + ": " + login);
        }
        Browser.Response options = browser.postJson("/webauthn/register/options", Browser.JSON.createObjectNode());
        if (options.status() != 200) {
            throw new IOException("registration options for " + username + ": " + options);
        }
        SoftwareAuthenticator authenticator = synced ? SoftwareAuthenticator.synced() : SoftwareAuthenticator.deviceBound();
        ObjectNode request = Browser.JSON.createObjectNode();
        request.putObject("publicKey")
                .put("label", "bench")
                .set("credential", authenticator.register(options.json(), browser.origin()));
        Browser.Response created = browser.postJson("/webauthn/register", request);
        if (created.status() != 200 || !created.json().path("success").asBoolean()) {
            throw new IOException("registration of " + username + ": " + created);
        }
        browser.clearCookies();
        return new SignInLoad.Caller(username, authenticator);
    }

    @Override
    public Browser.Response requestOptions(Browser browser) throws IOException {
        return browser.send("POST", "/webauthn/authenticate/options", null);
    }

    @Override
    public String signIn(Browser browser, JsonNode assertion, String username) throws IOException {
        Browser.Response login = browser.postJson("/login/webauthn", assertion);
        return login.status() == 200 && login.json().path("authenticated").asBoolean() ? null : "login/webauthn: " + login;
    }

    @Override
    public Browser.Response protectedPage(Browser browser) throws IOException {
        return browser.get("/me");
    }

    @Override
    public String readyPath() {
        return "/ready";
    }
}
