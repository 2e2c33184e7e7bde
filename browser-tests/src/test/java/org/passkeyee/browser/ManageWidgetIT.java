package org.passkeyee.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.passkeyee.browser.support.SamplePages.MANAGE_STATUS;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.passkeyee.browser.support.Browser;
import org.passkeyee.browser.support.BrowserTest;
import org.passkeyee.browser.support.Deployments;
import org.passkeyee.browser.support.SamplePages;

/**
 * The sample app's passkeys table ({@code <pk:manage>}, with {@code <pk:register>} adding a
 * passkey) in headless Chromium with a virtual authenticator: rename, delete, the provider's icon,
 * and what the table says when its requests fail. The sign-up, sign-in and upgrade widgets are
 * {@link PasskeyWidgetsIT}'s. One deployment for all; every test has its own browser,
 * authenticator and account.
 */
@BrowserTest
class ManageWidgetIT {

    /** Chromium's virtual authenticator claims this AAGUID; the test WAR supplies an icon for it. */
    private static final String VIRTUAL_AUTHENTICATOR_AAGUID = "01020304-0506-0708-0102-030405060708";
    private static final String ICON = "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><rect width=\"1\" height=\"1\" fill=\"#36c\"/></svg>"
                    .getBytes(StandardCharsets.UTF_8));

    @Deployment(testable = false)
    static WebArchive sampleAppWithAnIconForTheVirtualAuthenticator() {
        return Deployments.sampleApp().addAsResource(new StringAsset(
                "{\"" + VIRTUAL_AUTHENTICATOR_AAGUID + "\": {\"light\": \"" + ICON + "\"}}"),
                "META-INF/passkeyee/aaguid-icons.json");
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
    void anIconTheApplicationSuppliesIsShownBesideTheProvidersName() {
        pages.signUp(SamplePages.newUsername("iconic"));
        WebElement provider = pages.passkeysPage(1).get(0).findElement(By.cssSelector(".pk-provider"));

        WebElement icon = provider.findElement(By.cssSelector("picture img.pk-provider-icon"));
        assertEquals(ICON, icon.getAttribute("src"));
        assertEquals("", icon.getAttribute("alt"), "decorative: the name beside it says which provider");
        assertEquals(ICON, provider.findElement(By.cssSelector("picture source")).getAttribute("srcset"),
                "dark defaults to light");
    }

    @Test
    void renameInPlaceUpdatesTheTableWithoutReloading() {
        pages.signUp(SamplePages.newUsername("renamer"));
        List<WebElement> rows = pages.passkeysPage(1);
        browser.script("window.__sameDocument = true");

        rows.get(0).findElement(By.cssSelector(".pk-rename")).click();
        WebElement field = browser.visible(By.cssSelector(".pk-rename-input"));
        browser.screenshot("manage-rename");
        // "$&" and "$'" are replacement patterns of String.prototype.replace: shown verbatim all the same
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Work $& laptop $'", Keys.ENTER);

        browser.waitForText(MANAGE_STATUS, "Passkey renamed to “Work $& laptop $'”.");
        assertEquals("Work $& laptop $'", pages.waitForRows(1).get(0).findElement(By.cssSelector(".pk-name")).getText());
        assertEquals(Boolean.TRUE, browser.script("return window.__sameDocument === true"));
        pages.waitForAcceptedCredentialsSignalledWhereTheBrowserCan();
        browser.screenshot("manage");
    }

    @Test
    void aChangeAfterTheSessionEndedShowsTheServersOwnRefusalAndLinksToSignIn() {
        pages.signUp(SamplePages.newUsername("expired"));
        List<WebElement> rows = pages.passkeysPage(1);
        browser.driver().manage().deleteAllCookies(); // the session ends behind the page's back

        rows.get(0).findElement(By.cssSelector(".pk-rename")).click();
        browser.visible(By.cssSelector(".pk-rename-input")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "Gone", Keys.ENTER);

        // the server's JSON 401 not_authenticated, read by the script: its text and the way back in
        browser.waitForText(MANAGE_STATUS, "You are not signed in (any more). Please sign in again.");
        WebElement link = browser.visible(By.cssSelector(".pk-manage .pk-reauthenticate"));
        assertEquals("Sign in again", link.getText());
    }

    @Test
    void aRedirectInsteadOfTheServersAnswerIsNamedClientSideAndLinksToSignIn() {
        pages.signUp(SamplePages.newUsername("redirected"));
        pages.passkeysPage(1);
        // Every request of the widgets now goes to the context root without its slash, which the
        // container answers with a redirect: what a proxy sending them to a sign-in page looks like.
        browser.script("const endpoint = document.getElementById('passkeys').dataset.pkEndpoint;"
                + "const contextRoot = endpoint.slice(0, endpoint.lastIndexOf('/'));"
                + "const send = window.fetch;"
                + "window.fetch = (url, init) => send(contextRoot, init);"
                + "document.dispatchEvent(new CustomEvent('passkeyee:changed'));"); // the table reloads

        browser.waitForText(MANAGE_STATUS, "The request was sent elsewhere, perhaps because you are no longer signed in.");
        assertEquals("Sign in again", browser.visible(By.cssSelector(".pk-manage .pk-reauthenticate")).getText());
    }

    @Test
    void deleteAsksForConfirmationThenRemovesThePasskey() {
        pages.signUp(SamplePages.newUsername("deleter"));
        pages.passkeysPage(1);
        browser.useNewAuthenticator(); // a second device
        pages.addPasskey("Phone", 2);
        browser.screenshot("register-added");
        browser.script("window.__sameDocument = true");

        WebElement phone = pages.waitForRows(2).stream()
                .filter(r -> r.getText().contains("Phone")).findFirst().orElseThrow();
        phone.findElement(By.cssSelector(".pk-delete")).click();
        WebElement confirmation = browser.visible(By.cssSelector(".pk-confirm"));
        assertTrue(confirmation.getText().contains("Delete the passkey “Phone”?"));
        assertFalse(browser.driver().findElement(By.cssSelector(".pk-warning")).isDisplayed());
        browser.screenshot("manage-delete-confirm");
        browser.visible(By.cssSelector(".pk-confirm-delete")).click();

        browser.waitForText(MANAGE_STATUS, "Passkey “Phone” deleted.");
        assertEquals(1, pages.waitForRows(1).size());
        assertFalse(confirmation.isDisplayed());
        assertEquals(Boolean.TRUE, browser.script("return window.__sameDocument === true"));
    }

    @Test
    void deletingTheLastPasskeyWarnsAndTheServerRefusesWithoutAnotherWayIn() {
        pages.signUp(SamplePages.newUsername("lastone"));
        pages.passkeysPage(1).get(0).findElement(By.cssSelector(".pk-delete")).click();

        WebElement warning = browser.visible(By.cssSelector(".pk-warning"));
        assertTrue(warning.getText().contains("this is your only passkey"));
        browser.screenshot("manage-last-passkey-warning");
        browser.visible(By.cssSelector(".pk-confirm-delete")).click();

        browser.waitForText(MANAGE_STATUS, "it cannot be deleted");
        assertEquals(1, pages.waitForRows(1).size());
    }
}
