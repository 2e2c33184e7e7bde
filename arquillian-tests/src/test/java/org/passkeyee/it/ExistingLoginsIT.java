package org.passkeyee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.passkeyee.it.support.PasskeyAssertions.assertRefused;
import static org.passkeyee.it.support.PasskeyAssertions.uniqueUsername;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.passkeyee.it.support.Deployments;
import org.passkeyee.it.support.OnePayaraServerAndOneWildFlyRow;
import org.passkeyee.it.support.LeftoverBasicMechanism;
import org.passkeyee.it.support.PasskeyClient;
import org.passkeyee.it.support.PasskeyClient.Response;
import org.passkeyee.testsupport.SoftwareAuthenticator;

/**
 * The logins an application already has, on Jakarta EE 10 where the passkey mechanism is its only
 * one: the sample WAR with a catch-all constraint (every page needs the role {@code user}) and
 * {@code passkey.basic-auth=true}. API clients keep HTTP Basic against the application's identity
 * stores; the sign-in's own pages and endpoints are served signed out without being exempted by
 * hand; and a leftover {@code @BasicAuthenticationMechanismDefinition} fails the deployment instead
 * of every request. One row per EE 10 server kind that admins run with several applications:
 * Payara Server 6 (H2) and WildFly 39 (PostgreSQL).
 */
@ExtendWith(ArquillianExtension.class)
@OnePayaraServerAndOneWildFlyRow
class ExistingLoginsIT {

    /** The sample's password account ({@code PasswordIdentityStore}). */
    private static final String ALICE = "alice";
    private static final String ALICES_PASSWORD = "wonderland-42";
    private static final String TWO_MECHANISMS = "two-mechanisms";

    @ArquillianResource
    @OperateOnDeployment("guarded")
    private URL guarded;

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = "guarded", testable = false)
    static WebArchive guarded() {
        return Deployments.withCatchAllConstraint(Deployments.sampleAppWithConfig("passkey.basic-auth=true\n"));
    }

    @Deployment(name = TWO_MECHANISMS, testable = false, managed = false)
    static WebArchive twoMechanisms() {
        return ShrinkWrap.create(WebArchive.class, "two-mechanisms.war").merge(Deployments.sampleApp())
                .addClass(LeftoverBasicMechanism.class);
    }

    @Test
    void apiClientWithBasicCredentialsThenServedWithTheStoresGroupsAndNoSession() {
        Response me = new PasskeyClient(guarded).get("/api/me", "Accept", "application/json",
                "Authorization", basic(ALICE, ALICES_PASSWORD));

        assertEquals(200, me.status(), me::toString);
        assertEquals(ALICE, me.json().path("name").asText());
        assertEquals("[\"user\"]", me.json().path("roles").toString());
        assertNull(me.header("Set-Cookie"), "an API client gets no session");
    }

    @Test
    void apiClientWithoutAcceptJsonThenStillNoRedirect() {
        Response me = new PasskeyClient(guarded).get("/api/me", "Authorization", basic(ALICE, ALICES_PASSWORD));

        assertEquals(200, me.status(), me::toString);
    }

    @Test
    void apiClientWithAWrongPasswordAnUnknownNameOrAHeaderThatDoesNotParseThen401WithABasicChallenge() {
        for (String header : new String[] {basic(ALICE, "wrong"), basic("nobody-" + System.nanoTime(), "x"), "Basic %%%",
                basic("ali*", ALICES_PASSWORD)}) {
            Response refused = new PasskeyClient(guarded).get("/api/me", "Accept", "application/json", "Authorization", header);

            assertRefused(refused, 401, "invalid_credentials");
            assertTrue(String.valueOf(refused.header("WWW-Authenticate")).startsWith("Basic realm="), refused::toString);
        }
    }

    @Test
    void catchAllConstraintWhenSignedOutThenTheSignInsPagesAndEndpointsAreServedAndPasskeysWork() {
        PasskeyClient browser = new PasskeyClient(guarded);
        assertEquals(200, browser.loginOptions().status(), "POST /passkey/login/options, covered by /*");
        Response loginPage = browser.get("/login.xhtml");
        assertEquals(200, loginPage.status(), loginPage::toString);
        assertTrue(loginPage.body().contains("ln=passkeyee"), "the widgets' script is on the page");
        assertEquals(200, browser.get("/jakarta.faces.resource/core.js.xhtml?ln=passkeyee").status(), "the widgets' script");

        SoftwareAuthenticator key = SoftwareAuthenticator.deviceBound();
        String name = uniqueUsername("guarded");
        browser.signUp(name, key).expectStatus(201);
        PasskeyClient later = new PasskeyClient(guarded);
        later.signIn(key).expectStatus(200);
        assertEquals(name, later.me().expectStatus(200).json().path("name").asText());
    }

    @Test
    void catchAllConstraintWhenSignedOutThenTheApplicationsOwnPagesLeadToTheLoginPage() {
        Response page = new PasskeyClient(guarded).get("/index.xhtml");

        assertEquals(302, page.status(), page::toString);
        assertTrue(page.header("Location").endsWith("/login.xhtml"), page::toString);
    }

    @Test
    void leftoverBasicMechanismDefinitionThenTheDeploymentFailsNamingTheSetting() {
        Exception refused = assertThrows(Exception.class, () -> deployer.deploy(TWO_MECHANISMS));
        try {
            StringWriter trace = new StringWriter();
            refused.printStackTrace(new PrintWriter(trace));
            assertTrue(trace.toString().contains("passkey.basic-auth"), trace::toString);
        } finally {
            try {
                deployer.undeploy(TWO_MECHANISMS);
            } catch (RuntimeException nothingDeployed) {
                // The failed deployment may have left nothing to undeploy.
            }
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
