package org.passkeyee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.passkeyee.it.existing.BadgeIdentityStore;
import org.passkeyee.it.existing.Inventory;
import org.passkeyee.it.support.Deployments;
import org.passkeyee.it.support.PasskeyClient;
import org.passkeyee.it.support.PasskeyClient.Response;
import org.passkeyee.testsupport.SoftwareAuthenticator;

/**
 * The passkey JARs dropped into an application that already exists
 * ({@link org.passkeyee.it.existing}): its own datasource, its own persistence unit injected
 * without a unit name, its own identity stores that validate passwords and provide groups. The
 * application deploys and works as before, a person who adds a passkey after a password sign-in
 * keeps their groups when they sign in with the passkey (those of the store that vouched for
 * them, never another store's for the same name), the passkeys live in the application's own
 * datasource because one property says so, and accounts the application disables or an
 * administrator deletes are refused and signed out.
 */
@ExtendWith(ArquillianExtension.class)
class ExistingApplicationIT {

    @ArquillianResource
    private URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.existingApplication();
    }

    @Test
    void deployedWithPasskeysThenTheApplicationsUnnamedPersistenceContextStillWorks() {
        Response items = newBrowser().get("/api/items").expectStatus(200);

        assertEquals(3, items.json().path("items").asLong(), items::toString);
    }

    @Test
    void passwordThenPasskeyWhenDatabaseStoreValidatesAndProvidesGroupsThenSameGroupsWithThePasskey() {
        SoftwareAuthenticator phone = SoftwareAuthenticator.synced();
        PasskeyClient withPassword = newBrowser();
        signInWithPassword(withPassword, Inventory.CLERK, Inventory.CLERK_PASSWORD);
        assertRoles(withPassword, Inventory.CLERK, true, false);
        withPassword.addPasskey(phone, "Phone").expectStatus(201);

        PasskeyClient withPasskey = newBrowser();
        assertEquals(Inventory.CLERK, withPasskey.signIn(phone).expectStatus(200).json().path("username").asText());

        assertRoles(withPasskey, Inventory.CLERK, true, false);
        withPasskey.get("/staff/desk").expectStatus(200);
        withPasskey.get("/managers/office").expectStatus(403);
    }

    @Test
    void passwordThenPasskeyWhenHandWrittenStoreValidatesAndProvidesGroupsThenSameGroupsWithThePasskey() {
        SoftwareAuthenticator laptop = SoftwareAuthenticator.deviceBound();
        PasskeyClient withPassword = newBrowser();
        signInWithPassword(withPassword, BadgeIdentityStore.MANAGER, BadgeIdentityStore.MANAGER_PASSWORD);
        withPassword.addPasskey(laptop, "Laptop").expectStatus(201);

        PasskeyClient withPasskey = newBrowser();
        withPasskey.signIn(laptop).expectStatus(200);

        assertRoles(withPasskey, BadgeIdentityStore.MANAGER, false, true);
        withPasskey.get("/managers/office").expectStatus(200);
        withPasskey.get("/staff/desk").expectStatus(403);
    }

    @Test
    void passkeyOfACallerWithoutGroupsThenNoGroupsAndProtectedPagesRefused() {
        SoftwareAuthenticator key = SoftwareAuthenticator.deviceBound();
        PasskeyClient withPassword = newBrowser();
        signInWithPassword(withPassword, Inventory.VISITOR, Inventory.VISITOR_PASSWORD);
        withPassword.addPasskey(key, "Key").expectStatus(201);

        PasskeyClient withPasskey = newBrowser();
        withPasskey.signIn(key).expectStatus(200);

        assertRoles(withPasskey, Inventory.VISITOR, false, false);
        withPasskey.get("/staff/desk").expectStatus(403);
    }

    @Test
    void wrongPasswordThenRefusedByTheApplicationsStoresAsBefore() {
        PasskeyClient browser = newBrowser();
        browser.post("/signin", "application/x-www-form-urlencoded",
                form(Inventory.CLERK, "not-the-password")).expectStatus(401);

        assertEquals("", browser.get("/api/whoami").expectStatus(200).json().path("name").asText());
    }

    @Test
    void passwordPostedByAPageOfAnotherSiteThenRefusedBeforeAnyStoreSeesIt() {
        PasskeyClient browser = newBrowser();
        Response refused = browser.send("POST", "/signin", "application/x-www-form-urlencoded",
                form(Inventory.CLERK, Inventory.CLERK_PASSWORD), "Origin", "https://evil.example");

        assertEquals(401, refused.status(), refused::toString);
        assertEquals("", browser.get("/api/whoami").expectStatus(200).json().path("name").asText());
    }

    @Test
    void passkeyAddedThenStoredInTheApplicationsOwnDataSourceNotTheDefaultOne() {
        PasskeyClient browser = newBrowser();
        signInWithPassword(browser, Inventory.CLERK, Inventory.CLERK_PASSWORD);
        browser.addPasskey(SoftwareAuthenticator.deviceBound(), "Desk key").expectStatus(201);

        JsonNode own = browser.get("/test-support/passkey-users").expectStatus(200).json();
        assertTrue(own.path("usernames").toString().contains("\"" + Inventory.CLERK + "\""), own::toString);
        JsonNode defaultDataSource = browser.storeSnapshot();
        assertFalse(defaultDataSource.path("users").toString().contains("\"" + Inventory.CLERK + "\""),
                defaultDataSource::toString);
    }

    @Test
    void twoStoresKnowOneNameForTwoPeopleThenThePasskeyCallerGetsOnlyTheGroupsOfTheStoreThatVouched() {
        SoftwareAuthenticator managersKey = SoftwareAuthenticator.deviceBound();
        PasskeyClient managerJdoe = newBrowser();
        signInWithPassword(managerJdoe, BadgeIdentityStore.JDOE, BadgeIdentityStore.JDOE_PASSWORD);
        assertRoles(managerJdoe, Inventory.JDOE, false, true);
        managerJdoe.addPasskey(managersKey, "Badge key").expectStatus(201);

        PasskeyClient withPasskey = newBrowser();
        withPasskey.signIn(managersKey).expectStatus(200);

        assertRoles(withPasskey, Inventory.JDOE, false, true);
        withPasskey.get("/staff/desk").expectStatus(403);
    }

    @Test
    void twoStoresKnowOneNameForTwoPeopleThenTheOtherPersonNeitherJoinsNorSeesThePasskeyAccount() {
        PasskeyClient managerJdoe = newBrowser();
        signInWithPassword(managerJdoe, BadgeIdentityStore.JDOE, BadgeIdentityStore.JDOE_PASSWORD);
        managerJdoe.addPasskey(SoftwareAuthenticator.deviceBound(), "Manager's key").expectStatus(201);
        PasskeyClient staffJdoe = newBrowser();
        signInWithPassword(staffJdoe, Inventory.JDOE, Inventory.STAFF_JDOE_PASSWORD);
        assertRoles(staffJdoe, Inventory.JDOE, true, false);

        Response joined = staffJdoe.registrationOptions();

        assertEquals(409, joined.status(), joined::toString);
        assertEquals("name_held_by_another_account", joined.error(), joined::toString);
        assertEquals(0, staffJdoe.passkeys().expectStatus(200).json().path("passkeys").size(),
                "the staff jdoe sees none of the manager jdoe's passkeys");
    }

    @Test
    void accountDisabledInTheApplicationThenItsPasskeyRefusedAndItsSessionSignedOut() throws InterruptedException {
        SoftwareAuthenticator key = SoftwareAuthenticator.deviceBound();
        PasskeyClient withPassword = newBrowser();
        signInWithPassword(withPassword, Inventory.TEMP, Inventory.TEMP_PASSWORD);
        withPassword.addPasskey(key, "Key").expectStatus(201);
        PasskeyClient withPasskey = newBrowser();
        withPasskey.signIn(key).expectStatus(200);
        assertEquals(Inventory.TEMP, whoAmI(withPasskey));

        PasskeyClient administrator = newBrowser();
        signInWithPassword(administrator, BadgeIdentityStore.MANAGER, BadgeIdentityStore.MANAGER_PASSWORD);
        administrator.post("/admin/disable", "application/x-www-form-urlencoded",
                ("username=" + Inventory.TEMP).getBytes(StandardCharsets.UTF_8)).expectStatus(200);
        Thread.sleep(1_100); // past the application's one-second re-check interval

        Response refused = newBrowser().signIn(key);
        assertEquals(401, refused.status(), refused::toString);
        assertEquals("account_disabled", refused.error(), refused::toString);
        assertEquals("", whoAmI(withPasskey), "the disabled person's session ended at its re-check");
    }

    @Test
    void accountDeletedByAnAdministratorThenItsPasskeysAndSessionsAreGoneAndOnlyAdministratorsMayDelete()
            throws InterruptedException {
        SoftwareAuthenticator key = SoftwareAuthenticator.deviceBound();
        PasskeyClient withPassword = newBrowser();
        signInWithPassword(withPassword, Inventory.LEAVER, Inventory.LEAVER_PASSWORD);
        withPassword.addPasskey(key, "Key").expectStatus(201);
        PasskeyClient withPasskey = newBrowser();
        withPasskey.signIn(key).expectStatus(200);
        PasskeyClient clerk = newBrowser();
        signInWithPassword(clerk, Inventory.CLERK, Inventory.CLERK_PASSWORD);
        PasskeyClient administrator = newBrowser();
        signInWithPassword(administrator, BadgeIdentityStore.MANAGER, BadgeIdentityStore.MANAGER_PASSWORD);

        Response notAllowed = clerk.postJson("/passkey/accounts/delete", Map.of("username", Inventory.LEAVER));
        Response deleted = administrator.postJson("/passkey/accounts/delete", Map.of("username", Inventory.LEAVER));
        Response again = administrator.postJson("/passkey/accounts/delete", Map.of("username", Inventory.LEAVER));
        Thread.sleep(1_100); // past the application's one-second re-check interval

        assertEquals(403, notAllowed.status(), notAllowed::toString);
        assertEquals("forbidden", notAllowed.error(), notAllowed::toString);
        assertEquals(204, deleted.status(), deleted::toString);
        assertEquals(404, again.status(), again::toString);
        assertEquals("account_not_found", again.error(), again::toString);
        Response signIn = newBrowser().signIn(key);
        assertEquals(401, signIn.status(), signIn::toString);
        assertEquals("", whoAmI(withPasskey), "the deleted account's session ended at its re-check");
        assertFalse(withPassword.get("/test-support/passkey-users").json().path("usernames").toString()
                .contains("\"" + Inventory.LEAVER + "\""));
    }

    private static String whoAmI(PasskeyClient browser) {
        return browser.get("/api/whoami").expectStatus(200).json().path("name").asText();
    }

    private static void signInWithPassword(PasskeyClient browser, String username, String password) {
        Response signedIn = browser.post("/signin", "application/x-www-form-urlencoded", form(username, password));
        assertEquals(200, signedIn.status(), signedIn::toString);
    }

    private static void assertRoles(PasskeyClient browser, String name, boolean staff, boolean managers) {
        JsonNode me = browser.get("/api/whoami").expectStatus(200).json();
        assertEquals(name, me.path("name").asText(), me::toString);
        assertEquals(staff, me.path(Inventory.STAFF).asBoolean(), me::toString);
        assertEquals(managers, me.path(BadgeIdentityStore.MANAGERS).asBoolean(), me::toString);
    }

    private static byte[] form(String username, String password) {
        return ("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

    private PasskeyClient newBrowser() {
        return new PasskeyClient(deploymentUrl);
    }
}
