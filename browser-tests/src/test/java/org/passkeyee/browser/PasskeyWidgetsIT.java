package org.passkeyee.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.passkeyee.browser.support.SamplePages.SIGN_IN_BUTTON;
import static org.passkeyee.browser.support.SamplePages.SIGN_IN_STATUS;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.passkeyee.browser.support.Browser;
import org.passkeyee.browser.support.BrowserTest;
import org.passkeyee.browser.support.Deployments;
import org.passkeyee.browser.support.SamplePages;

/**
 * The sample app's pages with the widgets that sign up, sign in and offer a passkey
 * ({@code <pk:register>}, {@code <pk:signIn>}, {@code <pk:upgrade>}), in headless Chromium with a
 * virtual authenticator; the passkeys table is {@link ManageWidgetIT}'s. One deployment for all
 * (each one starts a Payara Micro); every test has its own browser, authenticator and account.
 */
@BrowserTest
class PasskeyWidgetsIT {

    @Deployment(testable = false)
    static WebArchive sampleApp() {
        return Deployments.sampleApp();
    }

    @ArquillianResource
    URL deployment;

    Browser browser; // a fresh one for each test, opened on the deployment (BrowserTest)
    private SamplePages pages;

    @BeforeEach
    void pages() {
        pages = new SamplePages(browser);
    }

    @Test
    void signUpWidgetCreatesTheAccountAndSignsTheNewCallerIn() {
        String username = SamplePages.newUsername("newcomer");
        browser.go("/signup.xhtml");
        browser.type(By.cssSelector("#signup .pk-username"), username);
        browser.screenshot("register-sign-up");

        browser.visible(By.cssSelector("#signup .pk-register-button")).click();

        assertEquals(username, pages.waitForAccountPage(username));
        assertEquals(1, browser.authenticator().getCredentials().size());
        assertEquals("resolved", pages.recorded("create").get(0).get("state"));
    }

    @Test
    void autofillSignInCompletesFromPageLoadWithAConditionalRequest() {
        String username = SamplePages.newUsername("autofill");
        pages.signUp(username);
        browser.forgetSession();

        browser.go("/login.xhtml");

        assertEquals(username, pages.waitForAccountPage(username));
        List<Map<String, Object>> gets = pages.recorded("get");
        assertEquals(1, gets.size(), gets::toString);
        assertEquals("conditional", gets.get(0).get("mediation"));
        assertEquals("resolved", gets.get(0).get("state"));
        pages.waitForAcceptedCredentialsSignalledWhereTheBrowserCan();
    }

    @Test
    void withPresenceOffTheAutofillRequestStaysPendingAndTheButtonSignsIn() throws InterruptedException {
        String username = SamplePages.newUsername("button");
        pages.signUp(username);
        browser.forgetSession();
        browser.simulatePresence(false);

        browser.go("/login.xhtml");
        browser.until(d -> pages.recorded("get").size() == 1, "the autofill request");
        Thread.sleep(1500);
        assertEquals("pending", pages.recorded("get").get(0).get("state"));
        assertEquals("conditional", pages.recorded("get").get(0).get("mediation"));
        assertEquals("/login.xhtml", browser.path());
        assertEquals("", browser.driver().findElement(SIGN_IN_STATUS).getText());
        browser.screenshot("sign-in-autofill-pending");

        browser.simulatePresence(true);
        browser.visible(SIGN_IN_BUTTON).click();

        assertEquals(username, pages.waitForAccountPage(username));
        List<Map<String, Object>> gets = pages.recorded("get");
        assertEquals(2, gets.size(), gets::toString);
        assertEquals("rejected", gets.get(0).get("state"), "the autofill request was aborted");
        assertEquals("AbortError", gets.get(0).get("error"));
        assertEquals("optional", gets.get(1).get("mediation"), "the button runs a modal request");
        assertEquals("resolved", gets.get(1).get("state"));
    }

    @Test
    void noPasskeyOnTheDeviceShowsNoError() throws InterruptedException {
        browser.go("/login.xhtml");
        browser.until(d -> pages.recorded("get").stream().anyMatch(g -> !"pending".equals(g.get("state"))),
                "the autofill request to end");
        Thread.sleep(500);

        assertEquals("", browser.driver().findElement(SIGN_IN_STATUS).getText());
        assertTrue(browser.visible(SIGN_IN_BUTTON).isEnabled());
        assertEquals("/login.xhtml", browser.path());
        browser.screenshot("sign-in");
    }

    @Test
    void wrongPasswordIsToldOnTheLoginPageAndPasskeysStayOffered() {
        browser.go("/login.xhtml");
        browser.type(By.id("login:username"), SamplePages.PASSWORD_USER);
        browser.type(By.id("login:password"), "not-the-password");
        browser.visible(By.id("login:submit")).click();

        browser.waitForText(By.id("login:messages"), "The username or password is not right.");
        assertEquals("/login.xhtml", browser.path());
        assertTrue(browser.visible(SIGN_IN_BUTTON).isDisplayed());
    }

    @Test
    void passwordSignInThenTheExplicitOfferCreatesAPasskey() {
        browser.injectBeforeEveryPage("no-conditional-create.js");
        pages.signInWithPassword();
        pages.deleteAllPasskeysThroughTheApi();

        browser.go("/account/");
        WebElement offer = browser.visible(By.cssSelector(".pk-upgrade .pk-offer"));
        assertTrue(offer.getText().contains("Create a passkey"));
        browser.screenshot("upgrade-offer");
        browser.visible(By.cssSelector(".pk-upgrade-create")).click();

        browser.waitForText(By.cssSelector(".pk-upgrade .pk-status"), "you have a passkey for this account now");
        assertFalse(offer.isDisplayed());
        browser.screenshot("upgrade-created");
        assertEquals(1, pages.passkeysPage(1).size());
    }

    /**
     * Headless Chromium reports {@code conditionalCreate: true} but has no password manager to
     * complete the request, which then stays pending (as in a browser whose password manager
     * declines quietly): the offer must appear anyway, and its button must take over.
     */
    @Test
    void passwordSignInStartsAConditionalCreateAndTheOfferStillAppears() throws IOException {
        pages.signInWithPassword();
        pages.deleteAllPasskeysThroughTheApi();
        Object capability = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                (PublicKeyCredential.getClientCapabilities ? PublicKeyCredential.getClientCapabilities() : Promise.resolve({}))
                  .then((c) => done(c.conditionalCreate === true), () => done(false));
                """);
        boolean conditionalCreate = Boolean.TRUE.equals(capability);
        browser.script("sessionStorage.removeItem('__webauthnRecord')");

        browser.go("/account/");
        browser.visible(By.cssSelector(".pk-upgrade .pk-offer"));
        List<Map<String, Object>> before = pages.recorded("create");
        if (conditionalCreate) {
            assertEquals(1, before.size(), before::toString);
            assertEquals("conditional", before.get(0).get("mediation"));
            assertEquals("pending", before.get(0).get("state"));
        }
        browser.visible(By.cssSelector(".pk-upgrade-create")).click();

        browser.waitForText(By.cssSelector(".pk-upgrade .pk-status"), "you have a passkey for this account now");
        List<Map<String, Object>> after = pages.recorded("create");
        assertEquals("optional", after.get(after.size() - 1).get("mediation"));
        assertEquals("resolved", after.get(after.size() - 1).get("state"));
        if (conditionalCreate) {
            assertEquals("AbortError", after.get(0).get("error"), "the offer's button aborted the conditional create");
        }
        assertEquals(1, pages.passkeysPage(1).size());
        Files.writeString(Path.of(System.getProperty("screenshots.dir", "target")).resolveSibling("conditional-create.txt"),
                "getClientCapabilities().conditionalCreate=" + conditionalCreate + "; conditional create requests: "
                        + before + "\n");
    }

    @Test
    void signInWithAPasskeyTheServerNoLongerKnowsIsRefusedAndSignalledToTheBrowser() {
        pages.signUp(SamplePages.newUsername("forgotten"));
        Credential forgotten = browser.authenticator().getCredentials().get(0);
        String forgottenId = Base64.getUrlEncoder().withoutPadding().encodeToString(forgotten.getId());
        pages.passkeysPage(1);
        browser.useNewAuthenticator();
        pages.addPasskey("Second device", 2);
        pages.deletePasskeyThroughTheApi(forgottenId);
        browser.forgetSession();
        browser.useNewAuthenticator().addCredential(forgotten); // the device that still holds it

        browser.go("/login.xhtml");

        browser.waitForText(SIGN_IN_STATUS, "This passkey is not recognised.");
        assertEquals("/login.xhtml", browser.path());
        browser.screenshot("sign-in-unknown-passkey");
        if (Boolean.TRUE.equals(browser.script("return !!PublicKeyCredential.signalUnknownCredential"))) {
            List<Map<String, Object>> signals = pages.recorded("signalUnknownCredential");
            assertEquals(1, signals.size(), signals::toString);
            @SuppressWarnings("unchecked")
            Map<String, Object> details = (Map<String, Object>) signals.get(0).get("details");
            assertEquals(forgottenId, details.get("credentialId"));
            assertEquals("localhost", details.get("rpId"));
        }
    }

    @Test
    void germanBrowserGetsGermanWidgetTexts() {
        try (Browser german = Browser.open(deployment, "de")) {
            german.go("/login.xhtml");
            assertEquals("Mit Passkey anmelden", german.visible(SIGN_IN_BUTTON).getText());
            german.go("/signup.xhtml");
            assertTrue(german.visible(By.cssSelector("#signup .pk-explain")).getText().startsWith("Ihr Gerät bittet Sie"));
            german.visible(By.cssSelector("#signup .pk-register-button")).click();
            assertEquals("Bitte geben Sie einen Benutzernamen ein.",
                    german.waitForText(By.cssSelector("#signup .pk-status"), "Benutzernamen"));
            german.screenshot("register-sign-up-de");
        }
    }
}
