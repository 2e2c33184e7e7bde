package org.passkeyee.browser.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** What a person does on the sample app's pages, one method a step. */
public final class SamplePages {

    /** The sample's documented password account. */
    public static final String PASSWORD_USER = "alice";
    public static final String PASSWORD = "wonderland-42";

    private static final By CALLER_NAME = By.id("caller-name");
    public static final By SIGN_IN_BUTTON = By.cssSelector(".pk-sign-in-button");
    public static final By SIGN_IN_STATUS = By.cssSelector(".pk-sign-in .pk-status");
    public static final By PASSKEY_ROWS = By.cssSelector("#passkeys tr.pk-passkey");
    public static final By MANAGE_STATUS = By.cssSelector("#passkeys > .pk-status");

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final Browser browser;

    public SamplePages(Browser browser) {
        this.browser = browser;
    }

    /** A username no test has used yet in this run. */
    public static String newUsername(String stem) {
        return stem + "-" + System.currentTimeMillis() % 100000 + "-" + NAMES.incrementAndGet();
    }

    /** Creates an account with the sign-up widget and lands on the account page. */
    public void signUp(String username) {
        browser.go("/signup.xhtml");
        browser.type(By.cssSelector("#signup .pk-username"), username);
        browser.visible(By.cssSelector("#signup .pk-register-button")).click();
        waitForAccountPage(username);
    }

    /** Signs in with the documented password account through the page's own form. */
    public void signInWithPassword() {
        browser.go("/login.xhtml");
        browser.type(By.id("login:username"), PASSWORD_USER);
        browser.type(By.id("login:password"), PASSWORD);
        browser.visible(By.id("login:submit")).click();
        waitForAccountPage(PASSWORD_USER);
    }

    /** Waits for the account page greeting a caller of this name, and answers the name it shows. */
    public String waitForAccountPage(String username) {
        browser.waitForPath("/account/");
        return browser.waitForText(CALLER_NAME, username);
    }

    /** Opens the passkeys page and waits until the table has the expected number of rows. */
    public List<WebElement> passkeysPage(int expectedRows) {
        browser.go("/account/passkeys.xhtml");
        return waitForRows(expectedRows);
    }

    /** Waits until the table shows this many passkeys. */
    public List<WebElement> waitForRows(int expectedRows) {
        browser.until(d -> String.valueOf(expectedRows).equals(
                d.findElement(By.id("passkeys")).getAttribute("data-pk-count")), expectedRows + " passkeys in the table");
        return browser.driver().findElements(PASSKEY_ROWS);
    }

    /** Adds a passkey with the registration widget of the passkeys page. */
    public void addPasskey(String label, int rowsAfter) {
        browser.type(By.cssSelector("#add .pk-passkey-name"), label);
        browser.visible(By.cssSelector("#add .pk-register-button")).click();
        browser.waitForText(By.cssSelector("#add .pk-status"), label);
        waitForRows(rowsAfter);
    }

    /** Deletes a passkey of the signed-in caller through the JSON endpoint, behind the widgets' back. */
    public void deletePasskeyThroughTheApi(String credentialId) {
        browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                const endpoint = document.querySelector('[data-pk-endpoint]').dataset.pkEndpoint;
                fetch(endpoint + '/credentials/' + arguments[0], {method: 'DELETE'}).then((r) => done(r.status));
                """, credentialId);
    }

    /** Deletes every passkey of the signed-in caller through the JSON endpoints (a test's clean slate). */
    public void deleteAllPasskeysThroughTheApi() {
        Object result = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                const endpoint = document.querySelector('[data-pk-endpoint]').dataset.pkEndpoint;
                (async () => {
                  const list = await (await fetch(endpoint + '/credentials', {headers: {Accept: 'application/json'}})).json();
                  for (const p of list.passkeys) {
                    await fetch(endpoint + '/credentials/' + encodeURIComponent(p.id), {method: 'DELETE'});
                  }
                  return list.passkeys.length;
                })().then(done, (e) => done('failed: ' + e));
                """);
        if (String.valueOf(result).startsWith("failed")) {
            throw new AssertionError(result);
        }
    }

    /** Waits until the page told the browser the caller's accepted passkeys and names, where the browser has that API. */
    public void waitForAcceptedCredentialsSignalledWhereTheBrowserCan() {
        if (Boolean.TRUE.equals(browser.script("return !!PublicKeyCredential.signalAllAcceptedCredentials"))) {
            browser.until(d -> !recorded("signalAllAcceptedCredentials").isEmpty(), "signalAllAcceptedCredentials");
            browser.until(d -> !recorded("signalCurrentUserDetails").isEmpty(), "signalCurrentUserDetails");
        }
    }

    /** The recorded WebAuthn calls of a kind ({@code get}, {@code create}, {@code signal...}). */
    public List<Map<String, Object>> recorded(String kind) {
        return browser.webAuthnRecord().stream().filter(e -> kind.equals(e.get("kind"))).toList();
    }
}
