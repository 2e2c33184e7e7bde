package org.passkeyee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.passkeyee.it.support.PasskeyAssertions.assertRefused;
import static org.passkeyee.it.support.PasskeyAssertions.optionsOf;
import static org.passkeyee.it.support.PasskeyAssertions.uniqueUsername;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.passkeyee.it.support.Deployments;
import org.passkeyee.it.support.PasskeyClient;
import org.passkeyee.it.support.PasskeyClient.Response;
import org.passkeyee.testsupport.SoftwareAuthenticator;

/**
 * What the options tell the browser and where answers may come from: hints (the configured
 * default {@code passkey.hints}, or the request's own) and related origins
 * ({@code passkey.related-origins}: a page of another site that the RP ID's
 * {@code /.well-known/webauthn} lists, a file the module serves at the root context). Server-independent logic over the HTTP contract, so it runs
 * on the Payara Micro 6 H2 row only.
 */
@ExtendWith(ArquillianExtension.class)
@DisabledIfSystemProperty(named = "arquillian.launch", matches = "(?!payara-micro$).*",
        disabledReason = "server-independent: runs on the Payara Micro 6 rows only")
class ClientOptionsIT {

    private static final String RELATED_ORIGIN = "https://related.example";
    private static final ObjectMapper JSON = new ObjectMapper();

    @ArquillianResource
    private URL deploymentUrl;

    /** At the root context ({@code ROOT.war}), where the module serves {@code /.well-known/webauthn} itself. */
    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "ROOT.war").merge(
                Deployments.sampleAppWithConfig("passkey.hints=client-device\npasskey.related-origins=" + RELATED_ORIGIN + "\n"));
    }

    @Test
    void wellKnownWebauthnWhenAtTheRootContextThenListsTheRelatedOriginsForADay() {
        Response file = newBrowser().get("/.well-known/webauthn").expectStatus(200);

        assertEquals("{\"origins\":[\"" + RELATED_ORIGIN + "\"]}", file.body());
        assertTrue(file.header("Content-Type").startsWith("application/json"), file::toString);
        assertEquals("public, max-age=86400", file.header("Cache-Control"));
    }

    @Test
    void optionsWhenTheRequestNamesNoHintsThenTheConfiguredOnesElseItsOwn() {
        PasskeyClient browser = newBrowser();

        assertEquals("[\"client-device\"]", optionsOf(browser.loginOptions().expectStatus(200)).path("hints").toString());
        ObjectNode ownHints = JSON.createObjectNode();
        ownHints.putArray("hints").add("security-key").add("hybrid");
        assertEquals("[\"security-key\",\"hybrid\"]",
                optionsOf(browser.postJson("/passkey/login/options", ownHints).expectStatus(200)).path("hints").toString());
        ObjectNode signUp = ownHints.deepCopy().put("username", uniqueUsername("hinted"));
        assertEquals("[\"security-key\",\"hybrid\"]",
                optionsOf(browser.postJson("/passkey/register/options", signUp).expectStatus(200)).path("hints").toString());
    }

    @Test
    void optionsWhenHintsAreMalformedThenMalformedRequest() {
        ObjectNode unknown = JSON.createObjectNode();
        unknown.putArray("hints").add("usb");

        assertRefused(newBrowser().postJson("/passkey/login/options", unknown), 400, "malformed_request");
        assertRefused(newBrowser().postJson("/passkey/login/options", JSON.createObjectNode().put("hints", "hybrid")),
                400, "malformed_request");
    }

    @Test
    void ceremoniesWhenAnsweredFromARelatedOriginThenAcceptedAndFromAnyOtherSiteRefused() {
        SoftwareAuthenticator phone = SoftwareAuthenticator.deviceBound();
        PasskeyClient browser = newBrowser();
        String username = uniqueUsername("related");
        JsonNode creation = optionsOf(browser.registrationOptions(username, username).expectStatus(200));
        browser.finishRegistration(phone.register(creation, RELATED_ORIGIN), "from the related site").expectStatus(201);

        PasskeyClient again = newBrowser();
        JsonNode request = optionsOf(again.loginOptions().expectStatus(200));
        assertEquals(username, again.finishLogin(phone.authenticate(request, RELATED_ORIGIN)).expectStatus(200)
                .json().path("username").asText());

        PasskeyClient elsewhere = newBrowser();
        JsonNode other = optionsOf(elsewhere.loginOptions().expectStatus(200));
        assertRefused(elsewhere.finishLogin(phone.authenticate(other, "https://unrelated.example")), 401, "origin_not_allowed");
    }

    private PasskeyClient newBrowser() {
        return new PasskeyClient(deploymentUrl);
    }
}
