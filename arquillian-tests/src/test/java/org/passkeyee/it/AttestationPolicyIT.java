package org.passkeyee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.passkeyee.it.support.PasskeyAssertions.assertRefused;
import static org.passkeyee.it.support.PasskeyAssertions.optionsOf;
import static org.passkeyee.it.support.PasskeyAssertions.uniqueUsername;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.passkeyee.it.support.Deployments;
import org.passkeyee.it.support.PasskeyClient;
import org.passkeyee.testsupport.SoftwareAuthenticator;
import org.passkeyee.testsupport.TestMetadataService;
import org.passkeyee.testsupport.TestMetadataService.Model;

/**
 * Attestation required ({@code passkey.attestation=direct}) and checked against a FIDO metadata
 * BLOB, deployed: the BLOB file and its root are read by the server at start, the attestation
 * chain is verified inside the server with Yubico's attestation library as the WAR carries it,
 * and the metadata names the provider and gives its icon. One deployment per server kind: Payara
 * Micro 6, Payara Server 6 and WildFly 39 (their H2 or PostgreSQL rows; the other rows run the
 * same WAR on the same server).
 */
@ExtendWith(ArquillianExtension.class)
@DisabledIfSystemProperty(named = "arquillian.launch", matches = "(?!payara-micro$|payara-server$|wildfly$).*",
        disabledReason = "one row per server kind: Payara Micro 6, Payara Server 6, WildFly 39")
@DisabledIfSystemProperty(named = "payara.server.domain.dir", matches = ".*payara-server-postgresql$",
        disabledReason = "Payara Server runs it on its H2 row")
@DisabledIfSystemProperty(named = "wildfly.base.dir", matches = ".*wildfly-(mariadb|preview-h2)$",
        disabledReason = "WildFly runs it on its PostgreSQL row")
class AttestationPolicyIT {

    private static final String ICON = "data:image/png;base64,iVBORw0KGgo=";
    private static final Model CERTIFIED = Model.newModel();
    private static final Model REVOKED = Model.newModel();
    private static TestMetadataService metadataService;

    @ArquillianResource
    private URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive deployment() {
        Path directory;
        try {
            directory = Files.createDirectories(Path.of("target", "attestation-policy-it").toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        metadataService = new TestMetadataService(directory);
        Path blob = metadataService.blob("blob.jwt", LocalDate.now().plusDays(30),
                TestMetadataService.entry(CERTIFIED, "FIDO_CERTIFIED").describedAs("Example Key 5 NFC", ICON),
                TestMetadataService.entry(REVOKED, "REVOKED"));
        return Deployments.sampleAppWithConfig("passkey.attestation=direct\npasskey.mds-blob=" + blob
                + "\npasskey.mds-root-certificate=" + metadataService.rootCertificateFile() + "\n");
    }

    @Test
    void signUpWhenAttestedByACertifiedModelThenAcceptedAndShownWithItsMetadataNameAndIcon() {
        SoftwareAuthenticator key = CERTIFIED.authenticator(false);
        PasskeyClient browser = new PasskeyClient(deploymentUrl);
        String username = uniqueUsername("attested");
        JsonNode options = optionsOf(browser.registrationOptions(username, username).expectStatus(200));
        assertEquals("direct", options.path("attestation").asText());

        browser.finishRegistration(key.register(options, browser.origin()), null).expectStatus(201);

        JsonNode passkey = browser.passkeys().expectStatus(200).json().path("passkeys").path(0);
        assertEquals("Example Key 5 NFC", passkey.path("provider").asText(), passkey::toString);
        assertEquals("Example Key 5 NFC", passkey.path("label").asText(), "a passkey's default label is its provider");
        assertEquals(ICON, passkey.path("providerIcon").path("light").asText());
        assertEquals(username, new PasskeyClient(deploymentUrl).signIn(key).expectStatus(200).json().path("username").asText());
    }

    @Test
    void signUpWhenAttestedUnderAnImpostorsRootThenAuthenticatorNotAllowed() {
        SoftwareAuthenticator impostor = Model.newModel(CERTIFIED.aaguid()).authenticator(false);

        assertRefused(new PasskeyClient(deploymentUrl).signUp(uniqueUsername("impostor"), impostor), 400,
                "authenticator_not_allowed");
    }

    @Test
    void signUpWhenTheModelIsRevokedThenAuthenticatorNotAllowed() {
        assertRefused(new PasskeyClient(deploymentUrl).signUp(uniqueUsername("revoked"), REVOKED.authenticator(false)), 400,
                "authenticator_not_allowed");
    }

    @Test
    void signUpWhenNotAttestedThenAuthenticatorNotAllowed() {
        assertRefused(new PasskeyClient(deploymentUrl).signUp(uniqueUsername("unattested"), SoftwareAuthenticator.synced()),
                400, "authenticator_not_allowed");
    }
}
