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
    public String signIn(Browser browser, SignInLoad.Caller caller, long[] stepNanos) throws IOException {
        browser.clearCookies();
        long t0 = System.nanoTime();
        Browser.Response options = browser.postJson(context + "/passkey/login/options", Browser.JSON.createObjectNode());
        long t1 = System.nanoTime();
        if (options.status() != 200) {
            return "login/options: " + options;
        }
        JsonNode assertion = caller.authenticator().authenticate(options.json(), browser.origin());
        long t2 = System.nanoTime();
        Browser.Response login = browser.postJson(context + "/passkey/login", assertion);
        long t3 = System.nanoTime();
        if (login.status() != 200 || !caller.username().equals(login.json().path("username").asText())) {
            return "login: " + login;
        }
        Browser.Response me = browser.get(context + "/api/me");
        long t4 = System.nanoTime();
        if (me.status() != 200 || !caller.username().equals(me.json().path("name").asText())) {
            return "api/me: " + me;
        }
        stepNanos[0] = t1 - t0;
        stepNanos[1] = t2 - t1;
        stepNanos[2] = t3 - t2;
        stepNanos[3] = t4 - t3;
        return null;
    }

    @Override
    public String readyPath() {
        return context + "/bench/open/me";
    }
}
