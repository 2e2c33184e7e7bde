package org.passkeyee.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.passkeyee.browser.existing.ShopAccounts;
import org.passkeyee.browser.existing.ShopGroups;
import org.passkeyee.browser.existing.ShopSecurity;
import org.passkeyee.browser.support.Browser;
import org.passkeyee.browser.support.BrowserTest;
import org.passkeyee.browser.support.Deployments;
import org.passkeyee.browser.support.SamplePages;

/**
 * The tags in an application that is not the sample: its own page {@code ExistingAppIT.xhtml}, its
 * own layout and password form (the sign-in tag sits in its {@code h:panelGrid} form), its own
 * message bundle overriding a text, another endpoint prefix ({@code /auth/passkey}), and its own
 * default hints to the browser ({@code passkey.hints=client-device} in its MicroProfile Config file),
 * which the tags of its security-key page override with {@code hints="security-key"}.
 */
@BrowserTest
class ExistingAppIT {

    private static final String PAGE = "/ExistingAppIT.xhtml";
    private static final String MEMBERS = "/members/ExistingAppIT-members.xhtml";
    private static final String SECURITY_KEYS_PAGE = "/ExistingAppIT-security-keys.xhtml";

    @Deployment(testable = false)
    static WebArchive existingApp() {
        return Deployments.librariesOnly("shop.war")
                .addClasses(ShopSecurity.class, ShopAccounts.class, ShopGroups.class)
                .as(org.jboss.shrinkwrap.api.importer.ExplodedImporter.class)
                .importDirectory(new File("src/test/resources/existing-app"))
                .as(WebArchive.class);
    }

    @ArquillianResource
    URL deployment;

    Browser browser; // a fresh one for each test, opened on the deployment (BrowserTest)

    @Test
    void signInTagFitsTheAppsOwnFormWithItsOwnTextAndEndpointPrefix() {
        browser.go(PAGE);

        assertEquals("Use a passkey instead", browser.visible(By.cssSelector("#signin\\:passkey .pk-sign-in-button")).getText());
        String endpoint = browser.driver().findElement(By.id("signin:passkey")).getAttribute("data-pk-endpoint");
        assertTrue(endpoint.endsWith("/auth/passkey"), endpoint);
        assertEquals("signin:user", browser.driver().findElement(By.id("signin:passkey")).getAttribute("data-pk-for"));
        browser.until(d -> !browser.webAuthnRecord().isEmpty(), "the autofill request");
        assertEquals("", browser.driver().findElement(By.cssSelector("#signin\\:passkey .pk-status")).getText());
        browser.screenshot("existing-app-sign-in");
    }

    @Test
    void signUpManageAndAutofillSignInWorkUnderTheAppsOwnPrefixAndPages() {
        String username = SamplePages.newUsername("customer");
        browser.go(PAGE);
        browser.type(By.cssSelector("#signup .pk-username"), username);
        browser.visible(By.cssSelector("#signup .pk-register-button")).click();

        browser.waitForPath(MEMBERS);
        browser.waitForText(By.id("member"), username);
        browser.until(d -> "1".equals(d.findElement(By.id("passkeys")).getAttribute("data-pk-count")), "one passkey");
        browser.screenshot("existing-app-members");

        browser.forgetSession();
        browser.go(PAGE);

        browser.waitForPath(MEMBERS);
        browser.waitForText(By.id("member"), username);
        List<Map<String, Object>> record = browser.webAuthnRecord();
        assertEquals("conditional", record.get(0).get("mediation"), record::toString);
    }

    @Test
    void renameAfterTheReauthenticationWindowAsksForThePasskeyRightThereAndCarriesOn() throws InterruptedException {
        browser.go(PAGE);
        browser.type(By.cssSelector("#signup .pk-username"), SamplePages.newUsername("stepup"));
        browser.visible(By.cssSelector("#signup .pk-register-button")).click();
        browser.waitForPath(MEMBERS);
        browser.until(d -> "1".equals(d.findElement(By.id("passkeys")).getAttribute("data-pk-count")), "one passkey");
        Thread.sleep(ShopSecurity.REAUTHENTICATION_WINDOW_SECONDS * 1000L + 500);
        browser.script("window.__sameDocument = true");
        int callsBefore = browser.webAuthnRecord().size();

        browser.visible(By.cssSelector("#passkeys .pk-rename")).click();
        browser.visible(By.cssSelector("#passkeys .pk-rename-input"))
                .sendKeys(Keys.chord(Keys.CONTROL, "a"), "Desk key", Keys.ENTER);

        browser.waitForText(By.cssSelector("#passkeys .pk-name"), "Desk key");
        assertEquals(MEMBERS, browser.path(), "the person stayed where they were");
        assertEquals(Boolean.TRUE, browser.script("return window.__sameDocument === true"), "without reloading the page");
        List<Map<String, Object>> calls = browser.webAuthnRecord();
        Map<String, Object> stepUp = calls.get(callsBefore);
        assertEquals("get", stepUp.get("kind"), calls::toString);
        assertEquals("optional", stepUp.get("mediation"), "the browser's own dialog: " + calls);
        assertEquals("resolved", stepUp.get("state"), calls::toString);
        browser.screenshot("step-up-in-place");
    }

    /**
     * {@code hints="security-key"} on the tags reaches the options the scripts hand to
     * {@code create()} and {@code get()} (the server puts the widget's hints into its options, and
     * they survive the scripts' conversion of those options), and both ceremonies still complete
     * with the virtual authenticator.
     */
    @Test
    void aTagsHintsReachTheBrowserInCreateAndGetAndBothCeremoniesComplete() {
        String username = SamplePages.newUsername("keyholder");
        browser.go(SECURITY_KEYS_PAGE);
        browser.type(By.cssSelector("#signup .pk-username"), username);
        browser.visible(By.cssSelector("#signup .pk-register-button")).click();

        browser.waitForPath(MEMBERS);
        browser.waitForText(By.id("member"), username);
        assertOneCallWithHints("create", List.of("security-key"));

        browser.forgetSession();
        browser.go(SECURITY_KEYS_PAGE);
        browser.visible(By.cssSelector("#signin\\:passkey .pk-sign-in-button")).click();

        browser.waitForPath(MEMBERS);
        browser.waitForText(By.id("member"), username);
        assertOneCallWithHints("get", List.of("security-key"));
    }

    @Test
    void withoutHintsOnTheTagTheAppsDefaultHintsReachTheBrowser() {
        String username = SamplePages.newUsername("defaulted");
        browser.go(PAGE);
        browser.type(By.cssSelector("#signup .pk-username"), username);
        browser.visible(By.cssSelector("#signup .pk-register-button")).click();

        browser.waitForPath(MEMBERS);
        browser.waitForText(By.id("member"), username);
        assertOneCallWithHints("create", List.of("client-device"));
    }

    /** The record holds one call of this kind, which carried these hints and succeeded. */
    private void assertOneCallWithHints(String kind, List<String> hints) {
        List<Map<String, Object>> calls = browser.webAuthnRecord().stream().filter(c -> kind.equals(c.get("kind"))).toList();
        assertEquals(1, calls.size(), calls::toString);
        assertEquals(hints, calls.get(0).get("hints"), calls::toString);
        assertEquals("resolved", calls.get(0).get("state"), calls::toString);
    }
}
