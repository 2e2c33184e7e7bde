package org.passkeyee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.passkeyee.it.support.PasskeyAssertions.fieldNamesOf;
import static org.passkeyee.it.support.PasskeyAssertions.idsOf;
import static org.passkeyee.it.support.PasskeyAssertions.optionsOf;
import static org.passkeyee.it.support.PasskeyAssertions.uniqueUsername;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URL;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
import org.passkeyee.testsupport.Tamper;

/**
 * The HTTP contract of the passkey endpoints, driven like a browser would: sign-up, both kinds
 * of sign-in, the protected API, session handling, and managing one's passkeys.
 */
@ExtendWith(ArquillianExtension.class)
class PasskeyHttpContractIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ArquillianResource
    private URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.sampleApp();
    }

    @Test
    void signUpThenCallerIsSignedInWithRoleUser() {
        PasskeyClient browser = newBrowser();
        String username = uniqueUsername("signup");
        SoftwareAuthenticator laptop = SoftwareAuthenticator.deviceBound();

        Response optionsResponse = browser.registrationOptions(username, "Sign Up").expectStatus(200);
        JsonNode options = optionsOf(optionsResponse);
        assertEquals("localhost", options.path("rp").path("id").asText(), () -> "rp.id in " + options);
        assertEquals(username, options.path("user").path("name").asText(), () -> "user.name in " + options);
        assertFalse(options.path("user").path("id").asText().isEmpty(), () -> "user.id in " + options);
        assertFalse(options.path("challenge").asText().isEmpty(), () -> "challenge in " + options);

        Response created = browser.finishRegistration(laptop.register(options, browser.origin()), "Laptop");
        assertEquals(201, created.status(), created::toString);

        Response me = browser.me().expectStatus(200);
        assertEquals(username, me.json().path("name").asText());
        assertTrue(textsOf(me.json().path("roles")).contains("user"), me::toString);
    }

    @Test
    void usernamelessSignInInFreshBrowserThenSignedIn() {
        SoftwareAuthenticator laptop = SoftwareAuthenticator.deviceBound();
        String username = signUp(laptop);

        PasskeyClient browser = newBrowser();
        JsonNode options = optionsOf(browser.loginOptions().expectStatus(200));
        JsonNode allowCredentials = options.path("allowCredentials");
        assertTrue(allowCredentials.isMissingNode() || allowCredentials.isNull() || allowCredentials.isEmpty(),
                () -> "allowCredentials of a usernameless sign-in: " + allowCredentials);

        Response signedIn = browser.finishLogin(laptop.authenticate(options, browser.origin())).expectStatus(200);
        assertTrue(signedIn.json().path("authenticated").asBoolean(), signedIn::toString);
        assertEquals(username, signedIn.json().path("username").asText(), signedIn::toString);
        assertTrue(signedIn.json().path("redirect").isTextual(), signedIn::toString);

        Response me = browser.me().expectStatus(200);
        assertEquals(username, me.json().path("name").asText());
    }

    @Test
    void usernameFirstSignInThenAllowCredentialsListsExactlyTheCallersPasskeys() {
        SoftwareAuthenticator laptop = SoftwareAuthenticator.deviceBound();
        SoftwareAuthenticator phone = SoftwareAuthenticator.deviceBound();
        PasskeyClient owner = newBrowser();
        String username = uniqueUsername("userfirst");
        owner.signUp(username, laptop).expectStatus(201);
        owner.addPasskey(phone, "Phone").expectStatus(201);
        signUp(SoftwareAuthenticator.deviceBound()); // someone else's passkey must not show up

        PasskeyClient browser = newBrowser();
        JsonNode options = optionsOf(browser.loginOptions(username).expectStatus(200));
        Set<String> expected = new HashSet<>(laptop.credentialIds());
        expected.addAll(phone.credentialIds());
        assertEquals(expected, idsOf(options.path("allowCredentials")));

        Response signedIn = browser.finishLogin(phone.authenticate(options, browser.origin())).expectStatus(200);
        assertEquals(username, signedIn.json().path("username").asText());
        assertEquals(username, browser.me().expectStatus(200).json().path("name").asText());
    }

    @Test
    void usernameFirstSignInForUnknownUsernameThenSameShapedDecoyEveryTime() {
        String knownUser = signUp(SoftwareAuthenticator.deviceBound());
        String unknownUser = uniqueUsername("nobody");

        JsonNode known = optionsOf(newBrowser().loginOptions(knownUser).expectStatus(200));
        JsonNode decoy = optionsOf(newBrowser().loginOptions(unknownUser).expectStatus(200));
        JsonNode decoyAgain = optionsOf(newBrowser().loginOptions(unknownUser).expectStatus(200));

        assertEquals(fieldNamesOf(known), fieldNamesOf(decoy), "option fields of known and unknown user");
        assertFalse(decoy.path("allowCredentials").isEmpty(), () -> "decoy allowCredentials in " + decoy);
        assertEquals(fieldNamesOf(known.path("allowCredentials").get(0)),
                fieldNamesOf(decoy.path("allowCredentials").get(0)), "descriptor fields");
        assertEquals(decoy.path("allowCredentials"), decoyAgain.path("allowCredentials"),
                "the decoy answer for one username never changes");
    }

    @Test
    void protectedApiWithoutSignInForScriptsThen401Json() {
        Response response = newBrowser().me();
        assertEquals(401, response.status(), response::toString);
        assertTrue(String.valueOf(response.header("Content-Type")).startsWith("application/json"), response::toString);
        assertNotNull(response.error(), () -> "error code in " + response);
    }

    @Test
    void protectedApiWithoutSignInForBrowserPagesThenRedirectToLoginPage() {
        PasskeyClient browser = newBrowser();
        for (Response response : List.of(
                browser.get("/api/me"),
                browser.get("/api/me", "Accept", "text/html,application/xhtml+xml"))) {
            assertTrue(response.status() == 302 || response.status() == 303, response::toString);
            assertNotNull(response.header("Location"), () -> "Location of " + response);
        }
    }

    @Test
    void signInForcedByAProtectedPageThenTheAnswerLeadsBackToIt() {
        SoftwareAuthenticator laptop = SoftwareAuthenticator.deviceBound();
        String username = signUp(laptop);
        PasskeyClient browser = newBrowser();

        Response forced = browser.get("/account/?tab=passkeys", "Accept", "text/html");
        assertEquals(302, forced.status(), forced::toString);
        assertTrue(forced.header("Location").endsWith("/login.xhtml"), forced::toString);

        Response signedIn = browser.signIn(laptop).expectStatus(200);
        assertEquals(username, signedIn.json().path("username").asText());
        String contextPath = deploymentUrl.getPath().replaceAll("/$", "");
        assertEquals(contextPath + "/account/?tab=passkeys", signedIn.json().path("redirect").asText());
        assertEquals(200, browser.get("/account/", "Accept", "text/html").status());
    }

    @Test
    void signInThenASessionOnlyFromTheSignInAndTheSealedCeremonyCookieCleared() {
        SoftwareAuthenticator laptop = SoftwareAuthenticator.deviceBound();
        signUp(laptop);

        PasskeyClient browser = newBrowser();
        Response optionsAnswer = browser.loginOptions().expectStatus(200);
        JsonNode options = optionsOf(optionsAnswer);
        assertNull(browser.sessionId(), "a stranger's ceremony holds no session");
        String sealed = optionsAnswer.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("PASSKEY_SIGN_IN=")).findFirst().orElseThrow();
        String attributes = sealed.toLowerCase(java.util.Locale.ROOT); // WildFly writes "path", Payara "Path"
        assertTrue(attributes.contains("httponly") && attributes.contains("samesite=strict") && attributes.contains("path=/"), sealed);

        Response signedIn = browser.finishLogin(laptop.authenticate(options, browser.origin())).expectStatus(200);
        assertNotNull(browser.sessionId(), "the session starts at sign-in");
        assertTrue(signedIn.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.toLowerCase(java.util.Locale.ROOT))
                .anyMatch(cookie -> cookie.startsWith("passkey_sign_in=") && (cookie.contains("max-age=0")
                        || cookie.contains("expires=thu, 01-jan-1970"))), // Payara 7 writes Max-Age 0 as an expiry in 1970
                () -> "the sealed ceremony is cleared when taken: " + signedIn.headers().allValues("Set-Cookie"));
        assertEquals(java.util.Optional.empty(), browser.cookie("PASSKEY_SIGN_IN"));
        browser.me().expectStatus(200);
    }

    @Test
    void signedInCallerAddsSecondPasskeyThenExcludeCredentialsListsTheFirst() {
        SoftwareAuthenticator laptop = SoftwareAuthenticator.deviceBound();
        SoftwareAuthenticator phone = SoftwareAuthenticator.deviceBound();
        PasskeyClient browser = newBrowser();
        browser.signUp(uniqueUsername("adder"), laptop).expectStatus(201);

        JsonNode options = optionsOf(browser.registrationOptions().expectStatus(200));
        assertEquals(Set.copyOf(laptop.credentialIds()), idsOf(options.path("excludeCredentials")));

        Response added = browser.finishRegistration(phone.register(options, browser.origin()), "Phone");
        assertEquals(201, added.status(), added::toString);
        String id = added.json().path("id").asText();
        assertFalse(id.isEmpty(), added::toString);
        assertEquals("Phone", added.json().path("label").asText(), added::toString);

        JsonNode passkeys = browser.passkeys().expectStatus(200).json().path("passkeys");
        assertEquals(2, passkeys.size(), passkeys::toString);
        assertTrue(idsOf(passkeys).contains(id), passkeys::toString);
    }

    @Test
    void addPasskeyByConditionalCreateWithoutUserPresenceThenAccepted() {
        SoftwareAuthenticator laptop = SoftwareAuthenticator.deviceBound();
        SoftwareAuthenticator passwordManager = SoftwareAuthenticator.deviceBound();
        PasskeyClient browser = newBrowser();
        browser.signUp(uniqueUsername("upgrader"), laptop).expectStatus(201);
        JsonNode session = browser.passkeys().expectStatus(200).json();
        assertEquals("passkey", session.path("signedInWith").asText(), session::toString);
        assertTrue(session.path("canAddPasskey").asBoolean(), session::toString);

        JsonNode options = optionsOf(browser.postJson("/passkey/register/options",
                JSON.createObjectNode().put("conditional", true)).expectStatus(200));
        JsonNode silent = passwordManager.register(options, browser.origin(), Tamper.none()
                .flags(SoftwareAuthenticator.FLAG_UV | SoftwareAuthenticator.FLAG_AT));

        Response added = browser.finishRegistration(silent, "Password manager");
        assertEquals(201, added.status(), added::toString);
        assertEquals(2, browser.passkeys().expectStatus(200).json().path("passkeys").size());
    }

    @Test
    void listPasskeysThenRpUserAndEveryPasskeyField() {
        SoftwareAuthenticator laptop = SoftwareAuthenticator.deviceBound();
        PasskeyClient browser = newBrowser();
        String username = uniqueUsername("lister");
        browser.signUp(username, laptop).expectStatus(201);

        JsonNode list = browser.passkeys().expectStatus(200).json();
        assertEquals("localhost", list.path("rpId").asText(), list::toString);
        JsonNode user = list.path("user");
        assertEquals(laptop.credentials().get(0).userHandle(), user.path("id").asText(), list::toString);
        assertEquals(username, user.path("name").asText(), list::toString);
        assertTrue(user.path("displayName").isTextual(), list::toString);

        JsonNode passkeys = list.path("passkeys");
        assertEquals(1, passkeys.size(), list::toString);
        for (String field : List.of("id", "label", "createdAt", "lastUsedAt", "provider",
                "backupEligible", "backedUp", "transports")) {
            assertTrue(passkeys.get(0).has(field), () -> field + " missing in " + list);
        }
        assertEquals(passkeys.get(0).path("createdAt"), passkeys.get(0).path("lastUsedAt"),
                () -> "the sign-up signed in with the new passkey: its first use. " + list);
    }

    @Test
    void renamePasskeyThenListShowsNewLabel() {
        PasskeyClient browser = newBrowser();
        browser.signUp(uniqueUsername("renamer"), SoftwareAuthenticator.deviceBound()).expectStatus(201);
        String id = browser.passkeys().expectStatus(200).json().path("passkeys").get(0).path("id").asText();

        browser.patchJson("/passkey/credentials/" + id, "{\"label\":\"new\"}").expectStatus(200);

        JsonNode passkey = browser.passkeys().expectStatus(200).json().path("passkeys").get(0);
        assertEquals(id, passkey.path("id").asText());
        assertEquals("new", passkey.path("label").asText());
    }

    @Test
    void deleteOneOfTwoPasskeysThenItIsGone() {
        PasskeyClient browser = newBrowser();
        browser.signUp(uniqueUsername("deleter"), SoftwareAuthenticator.deviceBound()).expectStatus(201);
        JsonNode added = browser.addPasskey(SoftwareAuthenticator.deviceBound(), "Phone").expectStatus(201).json();
        String phoneId = added.path("id").asText();
        assertTrue(added.path("lastUsedAt").isNull(), () -> "a passkey only added was never used: " + added);

        Response deleted = browser.delete("/passkey/credentials/" + phoneId);
        assertEquals(204, deleted.status(), deleted::toString);

        JsonNode passkeys = browser.passkeys().expectStatus(200).json().path("passkeys");
        assertEquals(1, passkeys.size(), passkeys::toString);
        assertFalse(idsOf(passkeys).contains(phoneId), passkeys::toString);
    }

    @Test
    void signOutThenProtectedApiAnswers401Again() {
        PasskeyClient browser = newBrowser();
        browser.signUp(uniqueUsername("leaver"), SoftwareAuthenticator.deviceBound()).expectStatus(201);
        browser.me().expectStatus(200);

        Response loggedOut = browser.logout();
        assertEquals(204, loggedOut.status(), loggedOut::toString);

        assertEquals(401, browser.me().status());
    }

    private PasskeyClient newBrowser() {
        return new PasskeyClient(deploymentUrl);
    }

    /** Signs up a new user in a browser of its own; answers the username. */
    private String signUp(SoftwareAuthenticator authenticator) {
        String username = uniqueUsername("user");
        newBrowser().signUp(username, authenticator).expectStatus(201);
        return username;
    }

    private static Set<String> textsOf(JsonNode array) {
        Set<String> texts = new HashSet<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }
}
