package org.passkeyee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.passkeyee.it.support.PasskeyAssertions.assertRefused;
import static org.passkeyee.it.support.PasskeyAssertions.optionsOf;
import static org.passkeyee.it.support.PasskeyAssertions.uniqueUsername;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Supplier;
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
 * Every refusal answers its exact status and error code as JSON, and leaves the credential
 * store exactly as it was (no user, no passkey, no signature count or last-use change).
 */
@ExtendWith(ArquillianExtension.class)
class CeremonyRejectionIT {

    private static final String EVIL_ORIGIN = "https://evil.example";
    private static final int BODY_LIMIT = 64 * 1024;

    @ArquillianResource
    private URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.sampleApp();
    }

    // ---------------------------------------------------------------- sign-in

    @Test
    void signInWhenAssertionIsReplayedThenRejected() {
        SoftwareAuthenticator laptop = SoftwareAuthenticator.deviceBound();
        signUp(laptop);
        PasskeyClient browser = newBrowser();
        JsonNode assertion = laptop.authenticate(optionsOf(browser.loginOptions().expectStatus(200)), browser.origin());
        browser.finishLogin(assertion).expectStatus(200);

        Response replayed = unchangedStore(() -> browser.finishLogin(assertion));

        assertRefused(replayed, 401, "ceremony_not_found");
    }

    @Test
    void signInWhenAssertionAnswersAnotherSessionsChallengeThenRejected() {
        SoftwareAuthenticator laptop = SoftwareAuthenticator.deviceBound();
        signUp(laptop);
        PasskeyClient victim = newBrowser();
        PasskeyClient attacker = newBrowser();
        String victimsChallenge = optionsOf(victim.loginOptions().expectStatus(200)).path("challenge").asText();
        JsonNode attackersOptions = optionsOf(attacker.loginOptions().expectStatus(200));
        JsonNode assertion = laptop.authenticate(attackersOptions, attacker.origin(),
                Tamper.none().challenge(victimsChallenge));

        Response refused = unchangedStore(() -> attacker.finishLogin(assertion));

        assertRefused(refused, 401, "challenge_mismatch");
        assertEquals(401, attacker.me().status());
    }

    @Test
    void signInWhenOriginIsNotAllowedThenRejected() {
        assertSignInRefused(EVIL_ORIGIN, Tamper.none(), "origin_not_allowed");
    }

    @Test
    void signInWhenRpIdHashIsOfAnotherSiteThenRejected() {
        assertSignInRefused(null, Tamper.none().rpIdHashOf("evil.example"), "rp_id_mismatch");
    }

    @Test
    void signInWhenClientDataTypeIsCreateThenRejected() {
        assertSignInRefused(null, Tamper.none().clientDataType("webauthn.create"), "wrong_ceremony_type");
    }

    @Test
    void signInWhenSignatureIsInvalidThenRejected() {
        assertSignInRefused(null, Tamper.none().corruptSignature(), "invalid_signature");
    }

    @Test
    void signInWhenClientDataOriginIsNullOrANumberThenRefusedNotA500() {
        for (String origin : new String[] {"null", "123"}) {
            SoftwareAuthenticator laptop = SoftwareAuthenticator.deviceBound();
            signUp(laptop);
            PasskeyClient browser = newBrowser();
            ObjectNode assertion = (ObjectNode) laptop.authenticate(
                    optionsOf(browser.loginOptions().expectStatus(200)), browser.origin());
            ObjectNode response = (ObjectNode) assertion.get("response");
            String clientData = new String(Base64.getUrlDecoder().decode(response.get("clientDataJSON").asText()),
                    StandardCharsets.UTF_8);
            response.put("clientDataJSON", base64Url(clientData.replace(
                    "\"origin\":\"" + browser.origin() + "\"", "\"origin\":" + origin)));

            Response refused = unchangedStore(() -> browser.finishLogin(assertion));

            assertRefused(refused, 401, "origin_not_allowed");
        }
    }

    @Test
    void signInWhenSignatureIsNotDerOrEmptyThenInvalidSignatureNotA500() {
        byte[] rawRAndS = new byte[64];
        rawRAndS[0] = 1;
        for (byte[] signature : new byte[][] {rawRAndS, new byte[0]}) {
            SoftwareAuthenticator laptop = SoftwareAuthenticator.deviceBound();
            signUp(laptop);
            PasskeyClient browser = newBrowser();
            ObjectNode assertion = (ObjectNode) laptop.authenticate(
                    optionsOf(browser.loginOptions().expectStatus(200)), browser.origin());
            ((ObjectNode) assertion.get("response")).put("signature", Base64.getUrlEncoder().withoutPadding().encodeToString(signature));

            Response refused = unchangedStore(() -> browser.finishLogin(assertion));

            assertEquals(401, refused.status(), refused::toString);
            assertEquals("invalid_signature", refused.error(), refused::toString);
        }
    }

    @Test
    void signInWhenRunInAFrameOfAnotherSiteThenRejected() {
        assertSignInRefused(null, Tamper.none().framedBy(EVIL_ORIGIN), "cross_origin_not_allowed");
    }

    @Test
    void usernameFirstSignInWhenTheNameIsKnownOrUnknownThenAGuesserGetsTheSameRefusal() {
        String known = signUp(SoftwareAuthenticator.deviceBound());
        SoftwareAuthenticator guesser = SoftwareAuthenticator.deviceBound();
        signUp(guesser);

        for (boolean withUserHandle : new boolean[] {true, false}) {
            Response forKnown = guessedSignIn(known, guesser, withUserHandle);
            Response forUnknown = guessedSignIn(uniqueUsername("nobody"), guesser, withUserHandle);

            assertRefused(forKnown, 401, "invalid_signature");
            assertEquals(forKnown.status(), forUnknown.status(), forUnknown::toString);
            assertEquals(forKnown.json(), forUnknown.json(), "the refusals of a known and an unknown name");
        }
    }

    @Test
    void usernamelessSignInWhenAListedIdComesWithAForeignUserHandleThenRealAndDecoyIdsGetTheSameRefusal() {
        String realId = listedCredentialId(signUp(SoftwareAuthenticator.deviceBound()));
        String decoyId = listedCredentialId(uniqueUsername("nobody"));
        SoftwareAuthenticator guesser = SoftwareAuthenticator.deviceBound();
        signUp(guesser);

        for (boolean withUserHandle : new boolean[] {true, false}) {
            Response forReal = usernamelessSignInAs(realId, guesser, withUserHandle);
            Response forDecoy = usernamelessSignInAs(decoyId, guesser, withUserHandle);

            assertRefused(forReal, 401, withUserHandle ? "unknown_credential" : "assertion_rejected");
            assertEquals(forReal.json(), forDecoy.json(), "the refusals of a real and a decoy credential ID");
        }
    }

    @Test
    void usernameFirstSignInWhenTheBackupFlagsAreFlippedThenAKnownAndAnUnknownNameGetTheSameRefusal() {
        String known = signUp(SoftwareAuthenticator.deviceBound());
        SoftwareAuthenticator guesser = SoftwareAuthenticator.deviceBound();
        signUp(guesser);
        int presentVerifiedBackupEligible = 0x01 | 0x04 | 0x08;

        Response forKnown = guessedSignIn(known, guesser, false, Tamper.none().flags(presentVerifiedBackupEligible));
        Response forUnknown = guessedSignIn(uniqueUsername("nobody"), guesser, false, Tamper.none().flags(presentVerifiedBackupEligible));

        assertRefused(forKnown, 401, "invalid_signature");
        assertEquals(forKnown.json(), forUnknown.json(), "the refusals of a known and an unknown name");
    }

    @Test
    void signInWhenBackedUpWithoutBackupEligibilityThenRejectedAsMalformed() {
        SoftwareAuthenticator laptop = SoftwareAuthenticator.deviceBound();
        signUp(laptop);
        int presentVerifiedBackedUpOnly = 0x01 | 0x04 | 0x10;

        assertRefused(refusedSignIn(laptop, null, Tamper.none().flags(presentVerifiedBackedUpOnly)), 400, "malformed_request");
    }

    @Test
    void addPasskeyWhenTheResponseNamesARegisteredOrADecoyCredentialIdThenTheSameRefusal() {
        String realId = listedCredentialId(signUp(SoftwareAuthenticator.deviceBound()));
        String decoyId = listedCredentialId(uniqueUsername("nobody"));
        PasskeyClient prober = newBrowser();
        prober.signUp(uniqueUsername("prober"), SoftwareAuthenticator.deviceBound()).expectStatus(201);

        Response forReal = registrationNaming(prober, realId);
        Response forDecoy = registrationNaming(prober, decoyId);

        assertRefused(forReal, 400, "registration_rejected");
        assertEquals(forReal.json(), forDecoy.json(), "the refusals of a registered and a decoy credential ID");
    }

    @Test
    void signUpWhenADirectoryCouldMisreadTheNameThenInvalidUsernameAndNothingStored() {
        for (String name : new String[] {"administrat*", "adm(i)n", "\\61dministrator", "adm,ou=staff", "uid=admin",
                "admin\u034F", "admin\uFE0F", "ad\u3164min", "\u0301admin", "\u0430dmin", "ad min", "adm\u2217n"}) {
            PasskeyClient browser = newBrowser();

            Response refused = unchangedStore(() -> browser.registrationOptions(name, null));

            assertRefused(refused, 400, "invalid_username");
        }
    }

    @Test
    void signInWhenAPasskeyKeepsFailingThenTooManyFailedSignInsWithAGrowingWaitYetItsOwnerStillSignsIn() {
        SoftwareAuthenticator laptop = SoftwareAuthenticator.deviceBound();
        signUp(laptop);
        for (int failure = 1; failure <= 5; failure++) {
            assertRefused(refusedSignIn(laptop, null, Tamper.none().corruptSignature()), 401, "invalid_signature");
        }

        Response sixth = refusedSignIn(laptop, null, Tamper.none().corruptSignature());
        Response seventh = refusedSignIn(laptop, null, Tamper.none().corruptSignature());

        assertRefused(sixth, 429, "too_many_failed_sign_ins");
        assertEquals("1", sixth.header("Retry-After"));
        assertRefused(seventh, 429, "too_many_failed_sign_ins");
        assertEquals("2", seventh.header("Retry-After"));
        PasskeyClient owner = newBrowser();
        owner.signIn(laptop).expectStatus(200);
        owner.me().expectStatus(200);
        assertRefused(refusedSignIn(laptop, null, Tamper.none().corruptSignature()), 401, "invalid_signature");
    }

    @Test
    void usernameFirstSignInWhenANameKeepsFailingThenThrottledAlikeWhetherTheNameIsKnownOrNot() {
        String known = signUp(SoftwareAuthenticator.deviceBound());
        String unknown = uniqueUsername("nobody");
        SoftwareAuthenticator guesser = SoftwareAuthenticator.deviceBound();
        signUp(guesser);
        for (int failure = 1; failure <= 5; failure++) {
            assertRefused(guessedSignIn(known, guesser, true), 401, "invalid_signature");
            assertRefused(guessedSignIn(unknown, guesser, true), 401, "invalid_signature");
        }

        Response forKnown = guessedSignIn(known, guesser, true);
        Response forUnknown = guessedSignIn(unknown, guesser, true);

        assertRefused(forKnown, 429, "too_many_failed_sign_ins");
        assertEquals(forKnown.json(), forUnknown.json(), "the throttling of a known and an unknown name");
        assertEquals(forKnown.header("Retry-After"), forUnknown.header("Retry-After"));
    }

    @Test
    void signInWhenCredentialIsUnknownThenRejected() {
        assertSignInRefused(null, Tamper.none().unknownCredential(), "unknown_credential");
    }

    @Test
    void signInWhenCounterGoesBackwardsThenRejected() {
        SoftwareAuthenticator laptop = SoftwareAuthenticator.deviceBound();
        signUp(laptop);
        newBrowser().signIn(laptop, Tamper.none().signCount(5)).expectStatus(200);

        Response refused = refusedSignIn(laptop, null, Tamper.none().signCount(3));

        assertRefused(refused, 401, "signature_counter_regressed");
    }

    @Test
    void signInWhenSyncedPasskeyCounterStaysZeroThenAcceptedEveryTime() {
        SoftwareAuthenticator synced = SoftwareAuthenticator.synced();
        String username = signUp(synced);

        for (int attempt = 1; attempt <= 3; attempt++) {
            PasskeyClient browser = newBrowser();
            Response signedIn = browser.signIn(synced);
            assertEquals(200, signedIn.status(), "sign-in #" + attempt + ": " + signedIn);
            assertEquals(username, browser.me().expectStatus(200).json().path("name").asText());
        }
    }

    // ---------------------------------------------------------------- registration

    @Test
    void signUpWhenUsernameIsTakenThenRejectedAtOptions() {
        String username = signUp(SoftwareAuthenticator.deviceBound());
        PasskeyClient browser = newBrowser();

        Response refused = unchangedStore(() -> browser.registrationOptions(username, username));

        assertRefused(refused, 409, "username_taken");
    }

    @Test
    void addPasskeyWithoutUserPresenceWhenNotConditionalThenRejected() {
        SoftwareAuthenticator laptop = SoftwareAuthenticator.deviceBound();
        PasskeyClient browser = newBrowser();
        browser.signUp(uniqueUsername("no-presence"), laptop).expectStatus(201);
        JsonNode options = optionsOf(browser.registrationOptions().expectStatus(200));
        JsonNode silent = SoftwareAuthenticator.deviceBound().register(options, browser.origin(), Tamper.none()
                .flags(SoftwareAuthenticator.FLAG_UV | SoftwareAuthenticator.FLAG_AT));

        Response refused = unchangedStore(() -> browser.finishRegistration(silent, "silent"));

        assertRefused(refused, 400, "user_presence_missing");
    }

    @Test
    void signUpWhenOriginIsNotAllowedThenRejected() {
        PasskeyClient browser = newBrowser();
        String username = uniqueUsername("evil-origin");
        JsonNode options = optionsOf(browser.registrationOptions(username, username).expectStatus(200));
        JsonNode credential = SoftwareAuthenticator.deviceBound().register(options, EVIL_ORIGIN);

        Response refused = unchangedStore(() -> browser.finishRegistration(credential, "Evil"));

        assertRefused(refused, 400, "origin_not_allowed");
        assertEquals(401, browser.me().status(), "a refused sign-up signs nobody in");
    }

    @Test
    void signUpWhenRunInAFrameOfAnotherSiteThenRejected() {
        PasskeyClient browser = newBrowser();
        String username = uniqueUsername("framed");
        JsonNode options = optionsOf(browser.registrationOptions(username, username).expectStatus(200));
        JsonNode credential = SoftwareAuthenticator.deviceBound().register(options, browser.origin(),
                Tamper.none().framedBy(EVIL_ORIGIN));

        Response refused = unchangedStore(() -> browser.finishRegistration(credential, "Framed"));

        assertRefused(refused, 400, "cross_origin_not_allowed");
        assertEquals(401, browser.me().status(), "a refused sign-up signs nobody in");
    }

    @Test
    void signUpWhenCredentialIdIsLongerThanWebAuthnAllowsThenUnsupportedAndTheNameStaysFree() {
        PasskeyClient browser = newBrowser();
        String username = uniqueUsername("long-id");
        JsonNode options = optionsOf(browser.registrationOptions(username, username).expectStatus(200));
        JsonNode credential = SoftwareAuthenticator.deviceBound().register(options, browser.origin(),
                Tamper.none().credentialIdLength(2000));

        Response refused = unchangedStore(() -> browser.finishRegistration(credential, "Long"));

        assertRefused(refused, 400, "unsupported_credential");
        newBrowser().signUp(username, SoftwareAuthenticator.deviceBound()).expectStatus(201);
    }

    @Test
    void signUpWhenAP384KeyIsDeclaredEs256ThenRegistrationRejectedAndTheNameStaysFree() {
        PasskeyClient browser = newBrowser();
        String username = uniqueUsername("p384-as-es256");
        JsonNode options = optionsOf(browser.registrationOptions(username, username).expectStatus(200));
        JsonNode credential = SoftwareAuthenticator.deviceBound().register(options, browser.origin(),
                Tamper.none().credentialKeyCurve("secp384r1"));

        Response refused = unchangedStore(() -> browser.finishRegistration(credential, "P-384"));

        assertRefused(refused, 400, "registration_rejected");
        assertEquals(401, browser.me().status(), "a refused sign-up signs nobody in");
        newBrowser().signUp(username, SoftwareAuthenticator.deviceBound()).expectStatus(201);
    }

    @Test
    void signUpWhenTheNoneAttestationStatementHasMembersThenRegistrationRejectedAndTheNameStaysFree() {
        PasskeyClient browser = newBrowser();
        String username = uniqueUsername("none-with-members");
        JsonNode options = optionsOf(browser.registrationOptions(username, username).expectStatus(200));
        JsonNode credential = SoftwareAuthenticator.deviceBound().register(options, browser.origin(),
                Tamper.none().signedNoneStatement());

        Response refused = unchangedStore(() -> browser.finishRegistration(credential, "None"));

        assertRefused(refused, 400, "registration_rejected");
        assertEquals(401, browser.me().status(), "a refused sign-up signs nobody in");
        newBrowser().signUp(username, SoftwareAuthenticator.deviceBound()).expectStatus(201);
    }

    // ---------------------------------------------------------------- requests from other sites

    @Test
    void crossSiteFormPostsAtEveryStateChangingEndpointThenRefusedAndNothingChanges() {
        PasskeyClient owner = newBrowser();
        owner.signUp(uniqueUsername("csrf"), SoftwareAuthenticator.deviceBound()).expectStatus(201);
        String id = firstPasskeyId(owner);
        byte[] form = "label=pwned&username=mallory".getBytes(StandardCharsets.UTF_8);
        String[][] endpoints = {
            {"POST", "/passkey/register/options"}, {"POST", "/passkey/register"}, {"POST", "/passkey/login/options"},
            {"POST", "/passkey/login"}, {"POST", "/passkey/logout"},
            {"PATCH", "/passkey/credentials/" + id}, {"DELETE", "/passkey/credentials/" + id}};
        String[][] forgedBy = {{"Origin", EVIL_ORIGIN}, {"Origin", "null"}, {"Sec-Fetch-Site", "cross-site"}};
        JsonNode before = owner.storeSnapshot();

        for (String[] endpoint : endpoints) {
            for (String[] header : forgedBy) {
                // A DELETE has no body (Payara refuses one with a 400 of its own before any application code).
                byte[] body = "DELETE".equals(endpoint[0]) ? new byte[0] : form;
                Response refused = owner.send(endpoint[0], endpoint[1], "application/x-www-form-urlencoded", body, header);
                assertEquals(403, refused.status(), () -> String.join(" ", endpoint) + " " + String.join(": ", header) + " -> " + refused);
                assertEquals("cross_site_request", refused.error(), refused::toString);
            }
        }

        assertEquals(before, owner.storeSnapshot(), "store changed by a cross-site request");
        assertEquals(200, owner.me().status(), "a cross-site logout signed the caller out");
    }

    @Test
    void sameOriginRequestsWithTheBrowsersOwnHeadersThenServedAsUsual() {
        PasskeyClient browser = newBrowser();
        Response options = browser.send("POST", "/passkey/login/options", "application/json",
                "{}".getBytes(StandardCharsets.UTF_8), "Origin", browser.origin(), "Sec-Fetch-Site", "same-origin");

        assertEquals(200, options.status(), options::toString);
    }

    // ---------------------------------------------------------------- managing passkeys

    @Test
    void deleteWhenLastPasskeyThenRejected() {
        PasskeyClient browser = newBrowser();
        browser.signUp(uniqueUsername("last"), SoftwareAuthenticator.deviceBound()).expectStatus(201);
        String id = firstPasskeyId(browser);

        Response refused = unchangedStore(() -> browser.delete("/passkey/credentials/" + id));

        assertRefused(refused, 409, "last_passkey");
    }

    @Test
    void deleteWhenPasskeyBelongsToAnotherCallerThenNotFound() {
        String alicesPasskey = passkeyOfNewUser();
        PasskeyClient bob = signedInWithTwoPasskeys();

        Response refused = unchangedStore(() -> bob.delete("/passkey/credentials/" + alicesPasskey));

        assertRefused(refused, 404, "passkey_not_found");
    }

    @Test
    void renameWhenPasskeyBelongsToAnotherCallerThenNotFound() {
        String alicesPasskey = passkeyOfNewUser();
        PasskeyClient bob = signedInWithTwoPasskeys();

        Response refused = unchangedStore(
                () -> bob.patchJson("/passkey/credentials/" + alicesPasskey, "{\"label\":\"mine now\"}"));

        assertRefused(refused, 404, "passkey_not_found");
    }

    @Test
    void listPasskeysWhenNotSignedInThenRejected() {
        assertRefused(newBrowser().passkeys(), 401, "not_authenticated");
    }

    // ---------------------------------------------------------------- request hygiene

    @Test
    void requestWhenBodyIsMalformedJsonThenRejected() {
        PasskeyClient browser = newBrowser();

        Response refused = unchangedStore(() -> browser.postJson("/passkey/login/options", "{\"username\": "));

        assertRefused(refused, 400, "malformed_request");
    }

    @Test
    void requestWhenContentTypeIsTextPlainThenRejected() {
        PasskeyClient browser = newBrowser();

        Response refused = unchangedStore(
                () -> browser.post("/passkey/login/options", "text/plain", "{}".getBytes(StandardCharsets.UTF_8)));

        assertRefused(refused, 415, "unsupported_media_type");
    }

    @Test
    void loginOptionsWhenBodyExceeds64KiBThenRejected() {
        PasskeyClient browser = newBrowser();

        Response refused = unchangedStore(() -> browser.postJson("/passkey/login/options", oversizedJson()));

        assertRefused(refused, 413, "body_too_large");
    }

    @Test
    void loginWhenBodyExceeds64KiBThenRejected() {
        PasskeyClient browser = newBrowser();
        browser.loginOptions().expectStatus(200);

        Response refused = unchangedStore(() -> browser.postJson("/passkey/login", oversizedJson()));

        assertRefused(refused, 413, "body_too_large");
    }

    // ---------------------------------------------------------------- helpers

    private PasskeyClient newBrowser() {
        return new PasskeyClient(deploymentUrl);
    }

    /** Signs up a new user in a browser of its own; answers the username. */
    private String signUp(SoftwareAuthenticator authenticator) {
        String username = uniqueUsername("user");
        newBrowser().signUp(username, authenticator).expectStatus(201);
        return username;
    }

    /** The first credential ID that username-first options list for {@code username}: real for a known name, a decoy otherwise. */
    private String listedCredentialId(String username) {
        return optionsOf(newBrowser().loginOptions(username).expectStatus(200)).path("allowCredentials").get(0).path("id").asText();
    }

    /** A new user's only passkey ID, as the passkey list shows it. */
    private String passkeyOfNewUser() {
        PasskeyClient alice = newBrowser();
        alice.signUp(uniqueUsername("alice"), SoftwareAuthenticator.deviceBound()).expectStatus(201);
        return firstPasskeyId(alice);
    }

    /** A signed-in user with two passkeys, so that no "last passkey" rule gets in the way. */
    private PasskeyClient signedInWithTwoPasskeys() {
        PasskeyClient bob = newBrowser();
        bob.signUp(uniqueUsername("bob"), SoftwareAuthenticator.deviceBound()).expectStatus(201);
        bob.addPasskey(SoftwareAuthenticator.deviceBound(), "Second").expectStatus(201);
        return bob;
    }

    private static String firstPasskeyId(PasskeyClient browser) {
        return browser.passkeys().expectStatus(200).json().path("passkeys").get(0).path("id").asText();
    }

    /** Signs up a fresh passkey, then tries a usernameless sign-in with it that must be refused. */
    private void assertSignInRefused(String origin, Tamper tamper, String errorCode) {
        SoftwareAuthenticator laptop = SoftwareAuthenticator.deviceBound();
        signUp(laptop);
        assertRefused(refusedSignIn(laptop, origin, tamper), 401, errorCode);
    }

    /**
     * A usernameless sign-in in a fresh browser, from {@code origin} (the browser's own when
     * {@code null}) with {@code tamper}; checks that the store did not change and that the
     * browser is not signed in.
     */
    private Response refusedSignIn(SoftwareAuthenticator authenticator, String origin, Tamper tamper) {
        PasskeyClient browser = newBrowser();
        JsonNode options = optionsOf(browser.loginOptions().expectStatus(200));
        JsonNode assertion = authenticator.authenticate(options, origin != null ? origin : browser.origin(), tamper);
        Response response = unchangedStore(() -> browser.finishLogin(assertion));
        assertEquals(401, browser.me().status(), "a refused sign-in signs nobody in");
        return response;
    }

    /**
     * Runs {@code request} and asserts the store snapshot (read by a browser of its own) is the
     * same before and after.
     */
    private Response unchangedStore(Supplier<Response> request) {
        PasskeyClient inspector = newBrowser();
        JsonNode before = inspector.storeSnapshot();
        Response response = request.get();
        assertEquals(before, inspector.storeSnapshot(), () -> "store changed by the refused request " + response);
        return response;
    }

    /**
     * A sign-in for {@code username} by someone without its private key: the guesser signs with a
     * passkey of its own and presents the first ID the options allow (a real one for a known name,
     * a decoy for an unknown one).
     */
    private Response guessedSignIn(String username, SoftwareAuthenticator guesser, boolean withUserHandle) {
        return guessedSignIn(username, guesser, withUserHandle, Tamper.none());
    }

    /** As {@link #guessedSignIn(String, SoftwareAuthenticator, boolean)}, the guesser's answer made with {@code tamper}. */
    private Response guessedSignIn(String username, SoftwareAuthenticator guesser, boolean withUserHandle, Tamper tamper) {
        PasskeyClient browser = newBrowser();
        ObjectNode options = (ObjectNode) optionsOf(browser.loginOptions(username).expectStatus(200)).deepCopy();
        String target = options.path("allowCredentials").get(0).path("id").asText();
        options.remove("allowCredentials");
        ObjectNode assertion = (ObjectNode) guesser.authenticate(options, browser.origin(), tamper);
        assertion.put("id", target).put("rawId", target);
        if (!withUserHandle) {
            ((ObjectNode) assertion.get("response")).remove("userHandle");
        }
        return unchangedStore(() -> browser.finishLogin(assertion));
    }

    /**
     * A usernameless sign-in presenting credential ID {@code target}, signed by the guesser's own
     * passkey and carrying the guesser's user handle (or none).
     */
    private Response usernamelessSignInAs(String target, SoftwareAuthenticator guesser, boolean withUserHandle) {
        PasskeyClient browser = newBrowser();
        ObjectNode assertion = (ObjectNode) guesser.authenticate(optionsOf(browser.loginOptions().expectStatus(200)), browser.origin());
        assertion.put("id", target).put("rawId", target);
        if (!withUserHandle) {
            ((ObjectNode) assertion.get("response")).remove("userHandle");
        }
        return unchangedStore(() -> browser.finishLogin(assertion));
    }

    /** A signed-in caller adds a passkey whose response claims credential ID {@code target}. */
    private Response registrationNaming(PasskeyClient browser, String target) {
        ObjectNode credential = SoftwareAuthenticator.deviceBound().register(
                optionsOf(browser.registrationOptions().expectStatus(200)), browser.origin());
        credential.put("id", target).put("rawId", target);
        return unchangedStore(() -> browser.finishRegistration(credential, null));
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Valid JSON a little over the 64 KiB limit. */
    private static String oversizedJson() {
        return "{\"username\":\"" + "a".repeat(BODY_LIMIT + 1024) + "\"}";
    }
}
