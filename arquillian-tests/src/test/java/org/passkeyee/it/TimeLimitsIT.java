package org.passkeyee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.passkeyee.it.support.PasskeyAssertions.assertRefused;
import static org.passkeyee.it.support.PasskeyAssertions.optionsOf;
import static org.passkeyee.it.support.PasskeyAssertions.uniqueUsername;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.passkeyee.it.support.Deployments;
import org.passkeyee.it.support.PasskeyClient.Response;
import org.passkeyee.it.support.PasskeyClient;
import org.passkeyee.testsupport.SoftwareAuthenticator;

/**
 * Time and size limits, with small limits set through MicroProfile Config in the WAR: a ceremony
 * lives 2 s, and a passkey may be added only within 3 s of signing in; and a flood of anonymous
 * ceremonies, which hold nothing on the server.
 */
@ExtendWith(ArquillianExtension.class)
class TimeLimitsIT {

    private static final Duration CEREMONY_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REAUTHENTICATION_WINDOW = Duration.ofSeconds(3);
    private static final Duration MARGIN = Duration.ofMillis(500);
    /** Anonymous options requests of the flood: one in five a sign-up's. */
    private static final int FLOOD = 2_000;

    @ArquillianResource
    private URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.sampleAppWithConfig(
                "passkey.ceremony-timeout=" + CEREMONY_TIMEOUT.toSeconds() + "\n"
                + "passkey.reauthentication-window=" + REAUTHENTICATION_WINDOW.toSeconds() + "\n");
    }

    @Test
    void signInWhenChallengeExpiredThenRejected() {
        SoftwareAuthenticator laptop = SoftwareAuthenticator.deviceBound();
        newBrowser().signUp(uniqueUsername("slow"), laptop).expectStatus(201);
        PasskeyClient browser = newBrowser();
        JsonNode options = optionsOf(browser.loginOptions().expectStatus(200));

        sleep(CEREMONY_TIMEOUT.plus(MARGIN));
        JsonNode before = storeSnapshot();
        Response refused = browser.finishLogin(laptop.authenticate(options, browser.origin()));

        assertRefused(refused, 401, "ceremony_expired");
        assertEquals(before, storeSnapshot(), "store changed by the refused sign-in");
        assertEquals(401, browser.me().status());
    }

    @Test
    void addPasskeyWhenSignInIsOlderThanWindowThenReauthenticationRequired() {
        PasskeyClient browser = newBrowser();
        browser.signUp(uniqueUsername("stale"), SoftwareAuthenticator.deviceBound()).expectStatus(201);

        sleep(REAUTHENTICATION_WINDOW.plus(MARGIN));
        JsonNode before = storeSnapshot();
        Response refused = browser.registrationOptions();

        assertRefused(refused, 403, "reauthentication_required");
        assertEquals(before, storeSnapshot(), "store changed by the refused request");
    }

    @Test
    void renameOrDeleteWhenSignInIsOlderThanWindowThenReauthenticationRequiredUntilSignedInAgain() {
        SoftwareAuthenticator laptop = SoftwareAuthenticator.deviceBound();
        PasskeyClient browser = newBrowser();
        browser.signUp(uniqueUsername("stale-manage"), laptop).expectStatus(201);
        String id = browser.passkeys().expectStatus(200).json().path("passkeys").get(0).path("id").asText();

        sleep(REAUTHENTICATION_WINDOW.plus(MARGIN));
        JsonNode before = storeSnapshot();
        assertRefused(browser.patchJson("/passkey/credentials/" + id, "{\"label\":\"Stolen\"}"), 403,
                "reauthentication_required");
        assertRefused(browser.delete("/passkey/credentials/" + id), 403, "reauthentication_required");
        assertEquals(before, storeSnapshot(), "store changed by the refused requests");

        browser.signIn(laptop).expectStatus(200);
        browser.patchJson("/passkey/credentials/" + id, "{\"label\":\"Laptop\"}").expectStatus(200);
    }

    @Test
    void renameWhenTheProofIsOlderThanTheWindowThenAStepUpInPlaceLetsItThroughWithoutANewSignIn() {
        SoftwareAuthenticator laptop = SoftwareAuthenticator.deviceBound();
        PasskeyClient browser = newBrowser();
        browser.signUp(uniqueUsername("step-up"), laptop).expectStatus(201);
        String id = browser.passkeys().expectStatus(200).json().path("passkeys").get(0).path("id").asText();
        sleep(REAUTHENTICATION_WINDOW.plus(MARGIN));
        assertRefused(browser.patchJson("/passkey/credentials/" + id, "{\"label\":\"Stale\"}"), 403, "reauthentication_required");
        String session = browser.sessionId();

        JsonNode options = optionsOf(browser.postJson("/passkey/reauthenticate/options", "{}").expectStatus(200));
        Response proved = browser.postJson("/passkey/reauthenticate", laptop.authenticate(options, browser.origin()));

        assertEquals(200, proved.status(), proved::toString);
        assertEquals(true, proved.json().path("reauthenticated").asBoolean(), proved::toString);
        assertEquals(session, browser.sessionId(), "a step-up is no new sign-in: the session stays");
        browser.patchJson("/passkey/credentials/" + id, "{\"label\":\"Laptop\"}").expectStatus(200);
    }

    @Test
    void stepUpWhenSignedOutOrWithoutPasskeysThenRefused() {
        assertRefused(newBrowser().postJson("/passkey/reauthenticate/options", "{}"), 401, "not_authenticated");
        PasskeyClient browser = newBrowser();
        browser.signUp(uniqueUsername("step-up-replay"), SoftwareAuthenticator.deviceBound()).expectStatus(201);

        assertRefused(browser.postJson("/passkey/reauthenticate", "{}"), 401, "ceremony_not_found");
    }

    @Test
    void addPasskeyRightAfterSignInThenAccepted() {
        PasskeyClient browser = newBrowser();
        browser.signUp(uniqueUsername("fresh"), SoftwareAuthenticator.deviceBound()).expectStatus(201);

        Response added = browser.addPasskey(SoftwareAuthenticator.deviceBound(), "Phone");

        assertEquals(201, added.status(), added::toString);
    }

    @Test
    void addPasskeyAfterSigningInAgainThenAccepted() {
        SoftwareAuthenticator laptop = SoftwareAuthenticator.deviceBound();
        PasskeyClient browser = newBrowser();
        browser.signUp(uniqueUsername("again"), laptop).expectStatus(201);
        sleep(REAUTHENTICATION_WINDOW.plus(MARGIN));
        assertRefused(browser.registrationOptions(), 403, "reauthentication_required");

        browser.signIn(laptop).expectStatus(200);
        Response added = browser.addPasskey(SoftwareAuthenticator.deviceBound(), "Phone");

        assertEquals(201, added.status(), added::toString);
    }

    /**
     * The flood of the issue "Nothing held for strangers" (60,000 options requests filled the cap of
     * anonymous sessions, and every new visitor got {@code 429 too_many_ceremonies}): a stranger's
     * ceremony now holds nothing on the server, so no number of them creates a session or turns a
     * new visitor away.
     */
    @Test
    void floodOfAnonymousOptionsRequestsThenNoSessionAndANewVisitorStillSignsIn() {
        SoftwareAuthenticator laptop = SoftwareAuthenticator.deviceBound();
        newBrowser().signUp(uniqueUsername("flooded"), laptop).expectStatus(201);
        PasskeyClient flooder = newBrowser();
        for (int i = 0; i < FLOOD; i++) {
            Response options = i % 5 == 4
                    ? flooder.registrationOptions(uniqueUsername("flood"), "Flood")
                    : flooder.loginOptions();
            assertEquals(200, options.status(), options::toString);
            List<String> cookies = options.headers().allValues("Set-Cookie");
            assertTrue(cookies.stream().noneMatch(cookie -> cookie.startsWith(PasskeyClient.SESSION_COOKIE + "=")),
                    () -> "an anonymous options request must not create a session: " + cookies);
        }
        assertNull(flooder.sessionId(), "no session after the flood");

        PasskeyClient visitor = newBrowser();
        visitor.signIn(laptop).expectStatus(200);
        visitor.me().expectStatus(200);
        newBrowser().registrationOptions(uniqueUsername("late"), "Late").expectStatus(200);
        Response protectedPage = newBrowser().get("/account/");
        assertEquals(302, protectedPage.status(), protectedPage::toString);
        List<String> cookies = protectedPage.headers().allValues("Set-Cookie");
        assertTrue(cookies.stream().noneMatch(cookie -> cookie.startsWith(PasskeyClient.SESSION_COOKIE + "=")), () -> "a signed-out request "
                + "for a protected page must not create a session: " + cookies);
        assertTrue(cookies.stream().anyMatch(cookie -> cookie.startsWith("PASSKEY_RETURN_TO=")), () -> "the page is "
                + "remembered in the browser: " + cookies);
    }

    private PasskeyClient newBrowser() {
        return new PasskeyClient(deploymentUrl);
    }

    /** The store, read by a browser of its own. */
    private JsonNode storeSnapshot() {
        return newBrowser().storeSnapshot();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
