package org.passkeyee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.passkeyee.it.support.PasskeyAssertions.assertRefused;
import static org.passkeyee.it.support.PasskeyAssertions.optionsOf;
import static org.passkeyee.it.support.PasskeyAssertions.uniqueUsername;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.passkeyee.it.support.ClusterLoad;
import org.passkeyee.it.support.PasskeyClient;
import org.passkeyee.it.support.PasskeyClient.Response;
import org.passkeyee.it.support.ServerCluster;
import org.passkeyee.testsupport.SoftwareAuthenticator;

/**
 * Two nodes of one server kind in a cluster (Payara Micro 6 in a Hazelcast data grid, or WildFly
 * with {@code standalone-ha.xml}: the rows {@code payara-cluster} and {@code wildfly-cluster}),
 * sharing one PostgreSQL database, with the sample made {@code <distributable/>} and a load
 * balancer in front ({@link ServerCluster}).
 *
 * <p>A browser's requests may land on either node: each ceremony begins on one and ends on the
 * other, and the signed-in session, its groups and its recent sign-in go with it. Payara stores a
 * changed session in the data grid only after the response has gone out (measured: the other
 * node sees the change within about 10 ms), so a browser that moved at once could find the old
 * session there; Payara asks for sticky sessions for that reason, and so does our admin guide.
 * These tests move the way a person does, {@link #HOP} after the last answer (between options and
 * the signed answer there is always a person's gesture). What must hold even without that pause,
 * for an attacker, is single use: one signed answer posted to both nodes at once signs in once
 * (the shared database decides). Last, one node is killed under load ({@link ClusterLoad}).
 */
@Tag("cluster")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    /** How long after an answer the browser moves to the other node. */
    private static final Duration HOP = Duration.ofMillis(250);

    private static ServerCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = ServerCluster.start(2);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void signUpOnOneNodeThenSignedInOnTheOtherAndAddsAPasskeyAcrossBoth() {
        SoftwareAuthenticator laptop = SoftwareAuthenticator.deviceBound();
        SoftwareAuthenticator phone = SoftwareAuthenticator.synced();
        String username = uniqueUsername("cluster");
        PasskeyClient browser = browser();

        JsonNode options = optionsOf(hop(browser, nodeB()).registrationOptions(username, username).expectStatus(200));
        hop(browser, nodeA()).finishRegistration(laptop.register(options, browser.origin()), "Laptop").expectStatus(201);
        assertSignedInAs(username, hop(browser, nodeB()));

        JsonNode more = optionsOf(hop(browser, nodeA()).registrationOptions().expectStatus(200));
        hop(browser, nodeB()).finishRegistration(phone.register(more, browser.origin()), "Phone").expectStatus(201);
        JsonNode passkeys = hop(browser, nodeA()).passkeys().expectStatus(200).json().path("passkeys");
        assertEquals(2, passkeys.size(), passkeys::toString);
    }

    @Test
    @Order(2)
    void optionsOnOneNodeThenSignInOnTheOtherThenProtectedPageOnTheFirst() {
        SoftwareAuthenticator phone = SoftwareAuthenticator.synced();
        String username = signUp(phone);
        PasskeyClient browser = browser();

        JsonNode options = optionsOf(hop(browser, nodeA()).loginOptions().expectStatus(200));
        assertNull(browser.sessionId(), "a stranger's ceremony holds no session: node B opens it with the shared key");
        Response signedIn = hop(browser, nodeB()).finishLogin(phone.authenticate(options, browser.origin())).expectStatus(200);

        assertEquals(username, signedIn.json().path("username").asText(), signedIn::toString);
        assertNotNull(browser.sessionId(), "the session starts at sign-in");
        assertSignedInAs(username, hop(browser, nodeA()));
        assertSignedInAs(username, hop(browser, nodeB()));
        hop(browser, nodeA()).logout().expectStatus(204);
        hop(browser, nodeB()).me().expectStatus(401);
    }

    @Test
    @Order(3)
    void oneAssertionPostedToBothNodesAtOnceThenExactlyOneSignIn() throws Exception {
        // Both requests carry the sealed ceremony, and both nodes open it with the shared
        // passkey.ceremony-key: only the database can tell the second one.
        SoftwareAuthenticator phone = SoftwareAuthenticator.synced();
        signUp(phone);
        for (int round = 0; round < 5; round++) {
            PasskeyClient browser = browser();
            JsonNode assertion = phone.authenticate(optionsOf(browser.via(nodeA()).loginOptions().expectStatus(200)),
                    browser.origin());
            PasskeyClient onA = browser.copyWithCookies().via(nodeA());
            PasskeyClient onB = hop(browser.copyWithCookies(), nodeB());

            List<Response> answers = atOnce(() -> onA.finishLogin(assertion), () -> onB.finishLogin(assertion));

            List<Integer> statuses = answers.stream().map(Response::status).sorted().toList();
            assertEquals(List.of(200, 401), statuses, () -> "round " + answers);
            answers.stream().filter(answer -> answer.status() == 401)
                    .forEach(refused -> assertRefused(refused, 401, "ceremony_not_found"));
        }
    }

    @Test
    @Order(3)
    void oneSignUpAnswerPostedToBothNodesAtOnceThenOneAccount() throws Exception {
        for (int round = 0; round < 3; round++) {
            SoftwareAuthenticator laptop = SoftwareAuthenticator.deviceBound();
            String username = uniqueUsername("cluster");
            PasskeyClient browser = browser();
            JsonNode options = optionsOf(browser.via(nodeA()).registrationOptions(username, username).expectStatus(200));
            JsonNode credential = laptop.register(options, browser.origin());
            PasskeyClient onA = browser.copyWithCookies().via(nodeA());
            PasskeyClient onB = hop(browser.copyWithCookies(), nodeB());

            List<Response> answers = atOnce(() -> onA.finishRegistration(credential, "Laptop"),
                    () -> onB.finishRegistration(credential, "Laptop"));

            List<Integer> statuses = answers.stream().map(Response::status).sorted().toList();
            assertEquals(201, statuses.get(0), () -> "round " + answers);
            assertTrue(statuses.get(1) == 400 || statuses.get(1) == 409, () -> "round " + answers);
            assertEquals(username, browser().signIn(laptop).expectStatus(200).json().path("username").asText());
        }
    }

    @Test
    @Order(4)
    void oneNodeKilledUnderLoadThenSignInsGoOnAndSignedInCallersStaySignedIn() throws Exception {
        ClusterLoad.Figures figures = new ClusterLoad(cluster, 8).killNodeDuringLoad(cluster.node(1));
        System.out.println(figures);
        assertTrue(figures.signInsAfterKill() > 0, figures::toString);
        assertEquals(0, figures.signedInCallersLost(), figures::toString);
        assertEquals(0, figures.errorsAfterRecovery(), figures::toString);
        assertEquals(0, figures.halfWrittenAccounts(), figures::toString);
    }

    /** The browser's next request goes to {@code node}, a person's pause after the last answer. */
    private static PasskeyClient hop(PasskeyClient browser, URL node) {
        try {
            Thread.sleep(HOP.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return browser.via(node);
    }

    private static void assertSignedInAs(String username, PasskeyClient browser) {
        JsonNode me = browser.me().expectStatus(200).json();
        assertEquals(username, me.path("name").asText(), me::toString);
        assertTrue(StreamSupport.stream(me.path("roles").spliterator(), false).anyMatch(role -> role.asText().equals("user")),
                me::toString);
    }

    private static String signUp(SoftwareAuthenticator authenticator) {
        String username = uniqueUsername("cluster");
        browser().signUp(username, authenticator).expectStatus(201);
        return username;
    }

    @SafeVarargs
    private static List<Response> atOnce(Callable<Response>... posts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(posts.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (Callable<Response> post : posts) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return post.call();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                responses.add(answer.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static PasskeyClient browser() {
        return new PasskeyClient(cluster.url());
    }

    private static URL nodeA() {
        return cluster.node(0).url();
    }

    private static URL nodeB() {
        return cluster.node(1).url();
    }
}
