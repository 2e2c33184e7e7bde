package org.passkeyee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.passkeyee.it.support.PasskeyAssertions.optionsOf;
import static org.passkeyee.it.support.PasskeyAssertions.uniqueUsername;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.passkeyee.it.support.Deployments;
import org.passkeyee.it.support.PasskeyClient.Response;
import org.passkeyee.it.support.PasskeyClient;
import org.passkeyee.testsupport.SoftwareAuthenticator;

/**
 * What survives a server restart: the passkeys, and the decoys of a configured secret. Runs on
 * Payara Micro with its embedded H2 default database in a root directory that outlives the
 * process ({@code --rootdir}, as {@code run-sample-app.sh} starts the sample): the connector
 * starts a server for each deployment and stops it when undeploying (AwaitPayaraMicroExit waits
 * until it has exited), so deploying, undeploying and deploying again is a restart. (Tagged {@code restart}: only the row that has such a
 * container runs it; on the other rows the database is a server of its own anyway.)
 */
@Tag("restart")
@ExtendWith(ArquillianExtension.class)
class RestartIT {

    private static final String APP = "restarted";

    @ArquillianResource
    private Deployer deployer;

    private boolean running;

    @Deployment(name = APP, managed = false, testable = false)
    static WebArchive deployment() {
        return Deployments.sampleApp();
    }

    /**
     * One restart (each costs a Payara Micro start), two things it must keep: the passkeys, and,
     * with {@code passkey.decoy-secret} set (here through the environment variable
     * {@code PASSKEY_DECOY_SECRET}, which Failsafe passes to the server), the decoys an unknown
     * username gets, as from every server of a cluster.
     */
    @Test
    void restartThenPasskeySignsInAndDecoysAreUnchanged() {
        SoftwareAuthenticator laptop = SoftwareAuthenticator.deviceBound();
        String username = uniqueUsername("restart");
        String unknown = uniqueUsername("nobody");
        start();
        PasskeyClient before = newBrowser();
        before.signUp(username, laptop).expectStatus(201);
        String passkeyId = before.passkeys().expectStatus(200).json().path("passkeys").get(0).path("id").asText();
        JsonNode decoysBefore = decoysFor(unknown);

        restart();

        PasskeyClient after = newBrowser();
        Response signedIn = after.signIn(laptop).expectStatus(200);
        assertEquals(username, signedIn.json().path("username").asText(), signedIn::toString);
        assertEquals(username, after.me().expectStatus(200).json().path("name").asText());
        assertEquals(passkeyId, after.passkeys().expectStatus(200).json().path("passkeys").get(0).path("id").asText());
        assertFalse(decoysBefore.isEmpty(), decoysBefore::toString);
        assertEquals(decoysBefore, decoysFor(unknown), "decoys for one unknown username before and after the restart");
    }

    private static JsonNode decoysFor(String unknownUsername) {
        return optionsOf(newBrowser().loginOptions(unknownUsername).expectStatus(200)).path("allowCredentials");
    }

    @AfterEach
    void stopServer() {
        if (running) {
            stop();
        }
    }

    private void start() {
        deployer.deploy(APP);
        running = true;
    }

    private void restart() {
        stop();
        start();
    }

    private void stop() {
        deployer.undeploy(APP);
        running = false;
    }

    /** The connector deploys the WAR under its name: http://localhost:PORT/sample-app/. */
    private static PasskeyClient newBrowser() {
        String name = Deployments.sampleApp().getName().replaceFirst("\\.war$", "");
        try {
            URL url = URI.create("http://localhost:" + System.getProperty("payara.http.port") + "/" + name + "/").toURL();
            return new PasskeyClient(url);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
