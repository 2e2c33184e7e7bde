package org.passkeyee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.passkeyee.it.support.PasskeyAssertions.assertRefused;
import static org.passkeyee.it.support.PasskeyAssertions.uniqueUsername;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.passkeyee.it.produced.ShopSecurity;
import org.passkeyee.it.support.Deployments;
import org.passkeyee.it.support.PasskeyClient.Response;
import org.passkeyee.it.support.PasskeyClient;
import org.passkeyee.it.support.SchemaTwoRowServlet;
import org.passkeyee.testsupport.SoftwareAuthenticator;

/**
 * A shop whose staff directory and customer store are made by two producer methods of one class
 * ({@link org.passkeyee.it.produced}): the module tells the two stores apart by their producers,
 * so a customer's passkey gets the customer's groups only, never the staff member's of the same
 * name, and the staff member cannot join the customer's account. A session's periodic re-check
 * never adds a group its sign-in did not give (a read-only login stays read-only), and an account
 * as schema version 2 stored it (no vouching store recorded) gets no validating store's groups. A
 * name that differs only in case is another person's, also where the table's collation ignores case.
 */
@ExtendWith(ArquillianExtension.class)
class ProducedStoresIT {

    @ArquillianResource
    private URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.producedStoresApplication();
    }

    @Test
    void customerWhenAStaffMemberHasTheSameNameThenThePasskeyGetsTheCustomersGroupsOnly() {
        String jdoe = uniqueUsername("jdoe");
        SoftwareAuthenticator phone = SoftwareAuthenticator.synced();
        PasskeyClient withPassword = newBrowser();
        signInWithPassword(withPassword, jdoe, jdoe + ShopSecurity.CUSTOMER_PASSWORD);
        assertRoles(withPassword, jdoe, false, true, false);
        withPassword.addPasskey(phone, "Phone").expectStatus(201);

        PasskeyClient withPasskey = newBrowser();
        withPasskey.signIn(phone).expectStatus(200);

        assertRoles(withPasskey, jdoe, false, true, false);
    }

    @Test
    void staffMemberWhenACustomerOfTheSameNameHasAPasskeyAccountThenTheirPasskeyCannotJoinIt() {
        String jdoe = uniqueUsername("jdoe");
        PasskeyClient customer = newBrowser();
        signInWithPassword(customer, jdoe, jdoe + ShopSecurity.CUSTOMER_PASSWORD);
        customer.addPasskey(SoftwareAuthenticator.deviceBound(), "Laptop").expectStatus(201);

        PasskeyClient staff = newBrowser();
        signInWithPassword(staff, jdoe, jdoe + ShopSecurity.STAFF_PASSWORD);
        assertRoles(staff, jdoe, true, false, false);

        assertRefused(staff.registrationOptions(), 409, "name_held_by_another_account");
    }

    @Test
    void accountFromSchemaTwoWhenItsPasskeySignsInThenNoValidatingStoresGroupsAndNoPasswordSessionJoinsIt() {
        String jdoe = uniqueUsername("jdoe");
        SoftwareAuthenticator key = SoftwareAuthenticator.deviceBound();
        PasskeyClient customer = newBrowser();
        signInWithPassword(customer, jdoe, jdoe + ShopSecurity.CUSTOMER_PASSWORD);
        customer.addPasskey(key, "Key").expectStatus(201);
        customer.post(SchemaTwoRowServlet.PATH, "application/x-www-form-urlencoded",
                ("username=" + URLEncoder.encode(jdoe, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)).expectStatus(204);

        PasskeyClient withPasskey = newBrowser();
        withPasskey.signIn(key).expectStatus(200);
        assertRoles(withPasskey, jdoe, false, false, false);

        PasskeyClient withPassword = newBrowser();
        signInWithPassword(withPassword, jdoe, jdoe + ShopSecurity.CUSTOMER_PASSWORD);
        assertRefused(withPassword.registrationOptions(), 409, "name_held_by_another_account");
    }

    @Test
    void nameDifferingOnlyInCaseWhenTheTableIgnoresCaseThenNoneOfTheOthersPasskeys() {
        // The stores tell JDOE and jdoe apart; MariaDB's default collation does not (wildfly-mariadb).
        String jdoe = uniqueUsername("jdoe");
        String upper = jdoe.toUpperCase(java.util.Locale.ROOT);
        PasskeyClient lower = newBrowser();
        signInWithPassword(lower, jdoe, jdoe + ShopSecurity.CUSTOMER_PASSWORD);
        SoftwareAuthenticator laptop = SoftwareAuthenticator.deviceBound();
        lower.addPasskey(laptop, "Laptop").expectStatus(201);

        PasskeyClient other = newBrowser();
        signInWithPassword(other, upper, upper + ShopSecurity.CUSTOMER_PASSWORD);
        JsonNode seen = other.passkeys().expectStatus(200).json();

        assertEquals(0, seen.path("passkeys").size(), seen::toString);
        assertEquals(404, other.delete("/passkey/credentials/" + laptop.credentialIds().get(0)).status());
        assertEquals(1, lower.passkeys().expectStatus(200).json().path("passkeys").size(), "untouched");
    }

    @Test
    void readOnlyLoginWhenReCheckedThenTheStoresOtherGroupsAreNeverAdded() throws InterruptedException {
        String auditor = uniqueUsername("auditor");
        PasskeyClient readOnly = newBrowser();
        signInWithPassword(readOnly, auditor, auditor + ShopSecurity.READ_ONLY_PASSWORD);
        assertRoles(readOnly, auditor, false, false, true);

        Thread.sleep(1_100); // past the application's one-second re-check interval

        assertRoles(readOnly, auditor, false, false, true);
    }

    private static void signInWithPassword(PasskeyClient browser, String username, String password) {
        byte[] form = ("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        Response signedIn = browser.post("/signin", "application/x-www-form-urlencoded", form);
        assertEquals(200, signedIn.status(), signedIn::toString);
    }

    private static void assertRoles(PasskeyClient browser, String name, boolean staff, boolean customer, boolean reader) {
        JsonNode me = browser.get("/api/whoami").expectStatus(200).json();
        assertEquals(name, me.path("name").asText(), me::toString);
        assertEquals(staff, me.path(ShopSecurity.STAFF).asBoolean(), me::toString);
        assertEquals(customer, me.path(ShopSecurity.CUSTOMER).asBoolean(), me::toString);
        assertEquals(reader, me.path(ShopSecurity.READER).asBoolean(), me::toString);
    }

    private PasskeyClient newBrowser() {
        return new PasskeyClient(deploymentUrl);
    }
}
