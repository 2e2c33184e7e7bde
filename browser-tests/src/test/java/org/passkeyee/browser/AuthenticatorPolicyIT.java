package org.passkeyee.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.passkeyee.browser.support.Browser;
import org.passkeyee.browser.support.BrowserTest;
import org.passkeyee.browser.support.Deployments;
import org.passkeyee.browser.support.SamplePages;

/**
 * Which authenticators may register, end to end: the sample app with
 * {@code passkey.allowed-aaguids} naming another model than Chromium's virtual authenticator
 * (through the WAR's MicroProfile Config file, as an admin could set it), so that a sign-up is
 * refused with {@code authenticator_not_allowed} and the widget says so in words.
 */
@BrowserTest
class AuthenticatorPolicyIT {

    /** Some other model: the virtual authenticator's AAGUID is not this one. */
    private static final String ANOTHER_AAGUID = "fbfc3007-154e-4ecc-8c0b-6e020557d7bd";

    @Deployment(testable = false)
    static WebArchive sampleAppAcceptingAnotherModelOnly() {
        return Deployments.sampleApp().addAsResource(new StringAsset("passkey.allowed-aaguids=" + ANOTHER_AAGUID + "\n"),
                "META-INF/microprofile-config.properties");
    }

    @ArquillianResource
    URL deployment;

    Browser browser; // a fresh one for each test, opened on the deployment (BrowserTest)

    @Test
    void signUpWithAnAuthenticatorNotOnTheAllowListIsRefusedAndTheWidgetSaysWhy() {
        browser.go("/signup.xhtml");
        browser.type(By.cssSelector("#signup .pk-username"), SamplePages.newUsername("refused"));

        browser.visible(By.cssSelector("#signup .pk-register-button")).click();

        browser.waitForText(By.cssSelector("#signup .pk-status"), "This kind of passkey is not accepted here");
        browser.screenshot("register-authenticator-not-allowed");
        assertEquals("/signup.xhtml", browser.path(), "not signed in");
    }
}
