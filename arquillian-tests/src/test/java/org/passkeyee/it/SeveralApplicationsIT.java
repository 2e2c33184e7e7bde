package org.passkeyee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.passkeyee.it.support.PasskeyAssertions.assertRefused;
import static org.passkeyee.it.support.PasskeyAssertions.uniqueUsername;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
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
import org.passkeyee.it.support.PasskeyClient;
import org.passkeyee.it.support.PayaraServerDomain;
import org.passkeyee.testsupport.SoftwareAuthenticator;

/**
 * Two applications on one server, as admins deploy them: the sample WAR twice, as {@code /shop}
 * and {@code /backoffice}, both keeping passkeys in the server's default datasource (the same
 * tables), with the same relying party. Neither sees, signs in with, lists or deletes the other's
 * accounts, and a name taken in one is free in the other. On Payara Server, a user of the
 * domain's file realm (its default realm) named like a passkey account gives that account none of
 * its groups. One row per server that hosts several applications: Payara Server 6 (H2, the
 * domain's {@code jdbc/__default}) and WildFly 39 (PostgreSQL).
 */
@ExtendWith(ArquillianExtension.class)
@OnePayaraServerAndOneWildFlyRow
class SeveralApplicationsIT {

    @ArquillianResource
    @OperateOnDeployment("shop")
    private URL shop;

    @ArquillianResource
    @OperateOnDeployment("backoffice")
    private URL backoffice;

    @Deployment(name = "shop", testable = false)
    static WebArchive shop() {
        return ShrinkWrap.create(WebArchive.class, "shop.war").merge(Deployments.sampleApp());
    }

    @Deployment(name = "backoffice", testable = false)
    static WebArchive backoffice() {
        return ShrinkWrap.create(WebArchive.class, "backoffice.war").merge(Deployments.sampleApp());
    }

    @Test
    void passkeyOfOneApplicationWhenPresentedToAnotherOnTheSameTablesThenUnknownThere() {
        SoftwareAuthenticator shopKey = SoftwareAuthenticator.deviceBound();
        String name = uniqueUsername("two-apps");
        new PasskeyClient(shop).signUp(name, shopKey).expectStatus(201);

        assertRefused(new PasskeyClient(backoffice).signIn(shopKey), 401, "unknown_credential");

        assertEquals(name, new PasskeyClient(shop).signIn(shopKey).expectStatus(200).json().path("username").asText(),
                "it still signs into its own application");
    }

    @Test
    void sameNameWhenSignedUpInBothApplicationsThenTwoAccountsEachWithItsOwnPasskeys() {
        String name = uniqueUsername("same-name");
        SoftwareAuthenticator shopKey = SoftwareAuthenticator.deviceBound();
        SoftwareAuthenticator backofficeKey = SoftwareAuthenticator.synced();
        PasskeyClient inShop = new PasskeyClient(shop);
        PasskeyClient inBackoffice = new PasskeyClient(backoffice);

        inShop.signUp(name, shopKey).expectStatus(201);
        inBackoffice.signUp(name, backofficeKey).expectStatus(201);

        JsonNode shopAccount = inShop.passkeys().expectStatus(200).json();
        JsonNode backofficeAccount = inBackoffice.passkeys().expectStatus(200).json();
        assertEquals(shopKey.credentialIds(), ids(shopAccount));
        assertEquals(backofficeKey.credentialIds(), ids(backofficeAccount), "no passkey of the other application's account");
        assertEquals(name, backofficeAccount.path("user").path("name").asText());
        inBackoffice.delete("/passkey/credentials/" + shopKey.credentialIds().get(0)).expectStatus(404);
        PasskeyClient laterInShop = new PasskeyClient(shop);
        laterInShop.signIn(shopKey).expectStatus(200);
        assertEquals(shopKey.credentialIds(), ids(laterInShop.passkeys().expectStatus(200).json()),
                "the other application could not delete it");
    }

    @Test
    @DisabledIfSystemProperty(named = "arquillian.launch", matches = "(?!payara-server$).*",
            disabledReason = "Payara adds its realm's groups to callers by name; WildFly's Elytron adds none")
    void serverRealmUserWhenAPasskeyAccountHasTheSameNameThenItGetsNoneOfTheRealmsGroups() {
        String name = uniqueUsername("realm-user");
        PayaraServerDomain.fileRealmUser(name, "realm-password-1", "admin");
        SoftwareAuthenticator key = SoftwareAuthenticator.deviceBound();
        PasskeyClient signedUp = new PasskeyClient(shop);

        signedUp.signUp(name, key).expectStatus(201);

        assertEquals("[\"user\"]", signedUp.me().expectStatus(200).json().path("roles").toString(),
                "after the sign-up: the application's groups, not the realm's admin");
        PasskeyClient signedIn = new PasskeyClient(shop);
        signedIn.signIn(key).expectStatus(200);
        assertEquals("[\"user\"]", signedIn.me().expectStatus(200).json().path("roles").toString(), "after a sign-in");
        assertEquals("[\"user\"]", signedIn.me().expectStatus(200).json().path("roles").toString(),
                "on the session's next request");
    }

    private static List<String> ids(JsonNode account) {
        List<String> ids = new ArrayList<>();
        account.path("passkeys").forEach(passkey -> ids.add(passkey.path("id").asText()));
        return ids;
    }
}
