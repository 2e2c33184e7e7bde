package org.passkeyee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.passkeyee.it.support.PasskeyAssertions.uniqueUsername;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.passkeyee.it.support.BasicBesidePasskeys;
import org.passkeyee.it.support.Deployments;
import org.passkeyee.it.support.PasskeyClient.Response;
import org.passkeyee.it.support.PasskeyClient;
import org.passkeyee.it.support.PasskeyOrBasicHandler;
import org.passkeyee.testsupport.SoftwareAuthenticator;

/**
 * Jakarta EE 11 (Security 4): the passkey mechanism beside another mechanism in one application.
 * The sample WAR gets HTTP Basic against an in-memory identity store
 * ({@link BasicBesidePasskeys}) and an {@code HttpAuthenticationMechanismHandler} that picks the
 * mechanism per request ({@link PasskeyOrBasicHandler}); both ways in lead to the same container
 * caller, and the passkey contract is unchanged. Tagged {@code ee11}: only EE 11 rows run it.
 */
@Tag("ee11")
@ExtendWith(ArquillianExtension.class)
class MechanismCoexistenceIT {

    @ArquillianResource
    private URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.sampleApp().addClasses(BasicBesidePasskeys.class, PasskeyOrBasicHandler.class);
    }

    @Test
    void basicCredentialsThenSignedInByTheOtherMechanismWithGroupsFromEveryStore() {
        Response me = newBrowser().get("/api/me", "Accept", "application/json",
                "Authorization", basic(BasicBesidePasskeys.CALLER, BasicBesidePasskeys.PASSWORD));

        assertEquals(200, me.status(), me::toString);
        assertEquals(BasicBesidePasskeys.CALLER, me.json().path("name").asText(), me::toString);
        assertTrue(me.json().path("roles").toString().contains("\"user\""), me::toString);
    }

    @Test
    void basicCredentialsWithWrongPasswordThenBasicChallenge() {
        Response refused = newBrowser().get("/api/me", "Accept", "application/json",
                "Authorization", basic(BasicBesidePasskeys.CALLER, "wrong"));

        assertEquals(401, refused.status(), refused::toString);
        assertTrue(String.valueOf(refused.header("WWW-Authenticate")).startsWith("Basic"), refused::toString);
    }

    @Test
    void passkeySignUpAndSignInThenSignedInByThePasskeyMechanism() {
        SoftwareAuthenticator laptop = SoftwareAuthenticator.deviceBound();
        String username = uniqueUsername("beside-basic");
        newBrowser().signUp(username, laptop).expectStatus(201);

        PasskeyClient browser = newBrowser();
        Response signedIn = browser.signIn(laptop).expectStatus(200);

        assertEquals(username, signedIn.json().path("username").asText(), signedIn::toString);
        assertEquals(username, browser.me().expectStatus(200).json().path("name").asText());
    }

    @Test
    void noCredentialsThenThePasskeyMechanismAnswersJson401() {
        Response refused = newBrowser().me();

        assertEquals(401, refused.status(), refused::toString);
        assertEquals("not_authenticated", refused.error(), refused::toString);
    }

    private PasskeyClient newBrowser() {
        return new PasskeyClient(deploymentUrl);
    }

    private static String basic(String caller, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((caller + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
