package org.passkeyee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.passkeyee.it.support.PasskeyAssertions.assertRefused;
import static org.passkeyee.it.support.PasskeyAssertions.uniqueUsername;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFException;
import java.net.InetAddress;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.passkeyee.it.directory.DirectorySettings;
import org.passkeyee.it.support.Deployments;
import org.passkeyee.it.support.PasskeyClient;
import org.passkeyee.it.support.PasskeyClient.Response;
import org.passkeyee.testsupport.SoftwareAuthenticator;

/**
 * Passkeys beside a real LDAP directory ({@link org.passkeyee.it.directory}): Jakarta Security's
 * LDAP store formats caller names into DNs and filters unescaped, so a name like
 * {@code administrat*} would reach the administrator's groups. No passkey name can: the name
 * policy refuses every such name before the application's accounts bean or any store sees it,
 * while a person of the directory who adds a passkey keeps exactly their groups, and a newcomer
 * gets none of the directory's.
 */
@ExtendWith(ArquillianExtension.class)
class DirectoryApplicationIT {

    private static final String ADMINISTRATOR = "administrator";
    private static final String ALICE = "alice";
    private static final String ALICE_PASSWORD = "alice-directory-secret";

    private static InMemoryDirectoryServer directory;

    @ArquillianResource
    private URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive deployment() throws LDAPException, LDIFException {
        directory = startDirectory();
        return Deployments.directoryApplication("ldap://127.0.0.1:" + directory.getListenPort());
    }

    @AfterAll
    static void stopDirectory() {
        if (directory != null) {
            directory.shutDown(true);
        }
    }

    @Test
    void signUpWhenTheNameWouldMatchAnotherEntryInTheDirectoryThenInvalidUsernameAndNoAccount() {
        for (String name : new String[] {"administrat*", "adm*", "alic*", "*", "adm(i)n", "\\61dministrator",
                "administrator,ou=people", "uid=administrator", "administrator\u034F", "admin\u00ADistrator"}) {
            PasskeyClient browser = newBrowser();

            Response refused = browser.registrationOptions(name, null);

            assertRefused(refused, 400, "invalid_username");
        }
        JsonNode users = newBrowser().storeSnapshot().path("users");
        assertEquals(0, users.findValues("USERNAME").stream().filter(n -> n.asText().startsWith("adm")).count(), users::toString);
    }

    @Test
    void signUpWhenTheDirectoryKnowsTheNameThenUsernameTakenAndANewcomerGetsNoneOfItsGroups() {
        assertRefused(newBrowser().registrationOptions(ADMINISTRATOR, null), 409, "username_taken");
        assertRefused(newBrowser().registrationOptions("Administrator", null), 409, "username_taken");

        PasskeyClient newcomer = newBrowser();
        newcomer.signUp(uniqueUsername("newcomer"), SoftwareAuthenticator.deviceBound()).expectStatus(201);

        JsonNode me = newcomer.get("/api/whoami").expectStatus(200).json();
        assertEquals(false, me.path("admins").asBoolean(), me::toString);
        assertEquals(false, me.path("users").asBoolean(), me::toString);
    }

    @Test
    void directoryPersonAddsAPasskeyThenSignsInWithItWithExactlyTheirDirectoryGroups() {
        SoftwareAuthenticator laptop = SoftwareAuthenticator.deviceBound();
        PasskeyClient withPassword = newBrowser();
        withPassword.post("/signin", "application/x-www-form-urlencoded",
                ("username=" + ALICE + "&password=" + URLEncoder.encode(ALICE_PASSWORD, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8)).expectStatus(200);
        withPassword.addPasskey(laptop, "Laptop").expectStatus(201);

        PasskeyClient withPasskey = newBrowser();
        withPasskey.signIn(laptop).expectStatus(200);

        JsonNode me = withPasskey.get("/api/whoami").expectStatus(200).json();
        assertEquals(ALICE, me.path("name").asText(), me::toString);
        assertEquals(true, me.path("users").asBoolean(), me::toString);
        assertEquals(false, me.path("admins").asBoolean(), me::toString);
    }

    private PasskeyClient newBrowser() {
        return new PasskeyClient(deploymentUrl);
    }

    /** The directory: two people, the administrator in {@code admins} and {@code users}, alice in {@code users}. */
    private static InMemoryDirectoryServer startDirectory() throws LDAPException, LDIFException {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(DirectorySettings.BASE);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        server.add("dn: " + DirectorySettings.BASE, "objectClass: domain", "dc: example");
        server.add("dn: " + DirectorySettings.PEOPLE, "objectClass: organizationalUnit", "ou: people");
        server.add("dn: " + DirectorySettings.GROUPS, "objectClass: organizationalUnit", "ou: groups");
        server.add("dn: uid=" + ADMINISTRATOR + "," + DirectorySettings.PEOPLE, "objectClass: inetOrgPerson",
                "uid: " + ADMINISTRATOR, "cn: The Administrator", "sn: Administrator", "userPassword: root-of-all-" + System.nanoTime());
        server.add("dn: uid=" + ALICE + "," + DirectorySettings.PEOPLE, "objectClass: inetOrgPerson",
                "uid: " + ALICE, "cn: Alice", "sn: Liddell", "userPassword: " + ALICE_PASSWORD);
        server.add("dn: cn=admins," + DirectorySettings.GROUPS, "objectClass: groupOfNames", "cn: admins",
                "member: uid=" + ADMINISTRATOR + "," + DirectorySettings.PEOPLE);
        server.add("dn: cn=users," + DirectorySettings.GROUPS, "objectClass: groupOfNames", "cn: users",
                "member: uid=" + ADMINISTRATOR + "," + DirectorySettings.PEOPLE, "member: uid=" + ALICE + "," + DirectorySettings.PEOPLE);
        server.startListening();
        return server;
    }
}
