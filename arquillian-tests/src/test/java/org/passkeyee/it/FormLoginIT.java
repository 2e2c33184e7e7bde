package org.passkeyee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.passkeyee.it.support.PasskeyAssertions.uniqueUsername;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.passkeyee.it.support.Deployments;
import org.passkeyee.it.support.OnePayaraServerAndOneWildFlyRow;
import org.passkeyee.it.support.FileRealmStore;
import org.passkeyee.it.support.PasskeyClient;
import org.passkeyee.it.support.PasskeyClient.Response;
import org.passkeyee.it.support.PayaraServerDomain;
import org.passkeyee.testsupport.SoftwareAuthenticator;

/**
 * An application written for the container's own FORM login: a {@code web.xml}
 * {@code <login-config>} with plain HTML login and error pages posting to
 * {@code j_security_check}, unchanged, beside passkeys. Signed-out browsers are shown its login
 * page, its posts sign in through the application's identity stores (the sample's password
 * account), a wrong password shows its error page, and a caller signed in with the form adds a
 * passkey and later signs in with it, with the same groups. On Payara Server the same with the
 * domain's file realm as the identity store ({@code @RealmIdentityStoreDefinition}), on WildFly
 * with its Elytron security domain ({@code passkey.elytron-realm=true}). One row per
 * server kind that hosts such applications: Payara Server 6 (H2) and WildFly 39 (PostgreSQL).
 */
@ExtendWith(ArquillianExtension.class)
@OnePayaraServerAndOneWildFlyRow
class FormLoginIT {

    private static final String ALICE = "alice";
    private static final String ALICES_PASSWORD = "wonderland-42";
    private static final String REALM = "realm-form";
    private static final String ELYTRON = "elytron-form";
    /** The ApplicationRealm user that pom.xml adds to the wildfly-postgresql row with add-user.sh, in group admin. */
    private static final String ELYTRON_USER = "realm-lee";
    private static final String ELYTRON_PASSWORD = "realm-password-1";

    @ArquillianResource
    @OperateOnDeployment("form")
    private URL form;

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = "form", testable = false)
    static WebArchive form() {
        return Deployments.withFormLogin(ShrinkWrap.create(WebArchive.class, "form.war").merge(Deployments.sampleApp()));
    }

    @Deployment(name = REALM, testable = false, managed = false)
    static WebArchive realmForm() {
        return Deployments.withFormLogin(ShrinkWrap.create(WebArchive.class, "realm-form.war").merge(Deployments.sampleApp()))
                .addClass(FileRealmStore.class);
    }

    @Deployment(name = ELYTRON, testable = false, managed = false)
    static WebArchive elytronForm() {
        return Deployments.withFormLogin(ShrinkWrap.create(WebArchive.class, "elytron-form.war")
                .merge(Deployments.sampleAppWithConfig("passkey.elytron-realm=true\n")));
    }

    @Test
    void signedOutBrowserAskingForAProtectedPageThenShownTheFormLoginPageThenLedBackAfterSigningIn() {
        PasskeyClient browser = new PasskeyClient(form);

        Response shown = browser.get("/account/");
        assertEquals(200, shown.status(), shown::toString);
        assertTrue(shown.body().contains("j_security_check"), "the application's own login page: " + shown.body());

        Response signedIn = postForm(browser, "/legacy/j_security_check", ALICE, ALICES_PASSWORD);
        assertEquals(303, signedIn.status(), signedIn::toString);
        assertTrue(signedIn.header("Location").endsWith("/account/"), signedIn::toString);
        JsonNode me = browser.me().expectStatus(200).json();
        assertEquals(ALICE, me.path("name").asText());
        assertEquals("[\"user\"]", me.path("roles").toString());
    }

    @Test
    void formPostWithAWrongPasswordOrAnUnknownNameThenTheErrorPageAndNotSignedIn() {
        for (String[] attempt : new String[][] {{ALICE, "wrong"}, {"nobody-" + System.nanoTime(), "x"}, {"ali*", ALICES_PASSWORD}}) {
            PasskeyClient browser = new PasskeyClient(form);

            Response refused = postForm(browser, "/legacy/j_security_check", attempt[0], attempt[1]);

            assertEquals(200, refused.status(), refused::toString);
            assertTrue(refused.body().contains("legacy-error"), "the application's own error page: " + refused.body());
            assertEquals(401, browser.me().status(), "not signed in");
        }
    }

    @Test
    void callerSignedInWithTheFormThenAddsAPasskeyAndSignsInWithItWithTheSameGroups() {
        PasskeyClient later = formThenPasskey(form, ALICE, ALICES_PASSWORD, "[\"user\"]");

        assertEquals(ALICE, later.me().expectStatus(200).json().path("name").asText());
    }

    @Test
    @DisabledIfSystemProperty(named = "arquillian.launch", matches = "(?!payara-server$).*",
            disabledReason = "@RealmIdentityStoreDefinition is Payara Server's")
    void fileRealmUserThroughPayarasRealmStoreThenSignsInWithTheFormAndAPasskeyWithTheRealmsGroups() {
        String name = uniqueUsername("realm-form");
        PayaraServerDomain.fileRealmUser(name, "realm-password-1", "admin");
        deployer.deploy(REALM);
        try {
            // The realm's admin, and every caller's user.
            PasskeyClient later = formThenPasskey(sibling(REALM), name, "realm-password-1", "[\"user\",\"admin\"]");

            String vouchedBy = vouchingStoreOf(later, name);
            assertTrue(vouchedBy.endsWith("RealmIdentityStore"), "VOUCHED_BY names Payara's store class: " + vouchedBy);
        } finally {
            deployer.undeploy(REALM);
        }
    }

    @Test
    @DisabledIfSystemProperty(named = "arquillian.launch", matches = "(?!wildfly$).*",
            disabledReason = "Elytron is WildFly's")
    void elytronRealmUserThroughTheSecurityDomainThenSignsInWithTheFormAndAPasskeyWithItsRoles() {
        deployer.deploy(ELYTRON);
        URL elytron = sibling(ELYTRON);
        try {
            assertTrue(postForm(new PasskeyClient(elytron), "/legacy/j_security_check", ELYTRON_USER, "wrong").body()
                    .contains("legacy-error"), "a wrong password shows the error page");
            // The security domain's admin, and every caller's user.
            formThenPasskey(elytron, ELYTRON_USER, ELYTRON_PASSWORD, "[\"user\",\"admin\"]");
        } finally {
            deployer.undeploy(ELYTRON);
        }
    }

    /**
     * Signs in through the legacy form with the password and checks the caller's roles; adds a
     * passkey in that session; signs in with the passkey in a new browser and checks that it
     * gives the same roles.
     *
     * @return the browser signed in with the passkey
     */
    private static PasskeyClient formThenPasskey(URL app, String username, String password, String roles) {
        PasskeyClient browser = new PasskeyClient(app);
        postForm(browser, "/legacy/j_security_check", username, password).expectStatus(303);
        assertEquals(roles, browser.me().expectStatus(200).json().path("roles").toString(), "with the password");
        SoftwareAuthenticator key = SoftwareAuthenticator.deviceBound();
        browser.addPasskey(key, "Laptop").expectStatus(201);

        PasskeyClient later = new PasskeyClient(app);
        assertEquals(username, later.signIn(key).expectStatus(200).json().path("username").asText());
        assertEquals(roles, later.me().expectStatus(200).json().path("roles").toString(), "a passkey gives what the password gives");
        return later;
    }

    /** The URL of another deployment on the same server, by its WAR's name. */
    private URL sibling(String warName) {
        try {
            return new URL(form, "../" + warName + "/");
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String vouchingStoreOf(PasskeyClient client, String name) {
        for (JsonNode user : client.storeSnapshot().path("users")) {
            if (name.equals(user.path("USERNAME").asText())) {
                return user.path("VOUCHED_BY").asText();
            }
        }
        throw new AssertionError("no account " + name);
    }

    private static Response postForm(PasskeyClient browser, String path, String username, String password) {
        String body = "j_username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&j_password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return browser.send("POST", path, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8),
                "Origin", browser.origin());
    }
}
