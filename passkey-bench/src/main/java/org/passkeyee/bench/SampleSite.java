package org.passkeyee.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.passkeyee.testsupport.SoftwareAuthenticator;

/**
 * Our sample under {@code context}: callers sign up with a passkey ({@code /passkey/register/options},
 * {@code /passkey/register}); a ceremony is {@code POST /passkey/login/options},
 * {@code POST /passkey/login}, {@code GET /api/me}. Usernameless, as passkey autofill signs in.
 */
final class SampleSite implements PasskeySite {

    private final String context;

    SampleSite(String context) {
        this.context = context;
    }

    @Override
    public SignInLoad.Caller register(Browser browser, String username, boolean synced) throws IOException {
        browser.clearCookies();
        ObjectNode request = Browser.JSON.createObjectNode().put("username", username).put("displayName", username);
        Browser.Response options = browser.postJson(context + "/passkey/register/options", request);
        if (options.status() != 200) {
            throw new IOException("registration options for " + username + ": " + options);
        }
        SoftwareAuthenticator authenticator = synced ? SoftwareAuthenticator.synced() : SoftwareAuthenticator.deviceBound();
        ObjectNode body = Browser.JSON.createObjectNode();
        body.set("credential", authenticator.register(options.json(), browser.origin()));
        body.put("label", "bench");
        Browser.Response created = browser.postJson(context + "/passkey/register", body);
        if (created.status() != 201) {
            throw new IOException("registration of " + username + ": " + created);
        }
        return new SignInLoad.Caller(username, authenticator);
    }

    @Override
    public Browser.Response requestOptions(Browser browser) throws IOException {
        return browser.postJson(context + "/passkey/login/options", Browser.JSON.createObjectNode());
    }

    @Override
    public String signIn(Browser browser, JsonNode assertion, String username) throws IOException {
        Browser.Response login = browser.postJson(context + "/passkey/login", assertion);
        return login.status() == 200 && username.equals(login.json().path("username").asText()) ? null : "login: " + login;
    }

    @Override
    public Browser.Response protectedPage(Browser browser) throws IOException {
        return browser.get(context + "/api/me");
    }

    @Override
    public String readyPath() {
        return context + "/bench/open/me";
    }
}
