package org.passkeyee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.passkeyee.it.support.PasskeyAssertions.assertRefused;
import static org.passkeyee.it.support.PasskeyAssertions.optionsOf;
import static org.passkeyee.it.support.PasskeyAssertions.uniqueUsername;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.passkeyee.it.support.Deployments;
import org.passkeyee.it.support.PasskeyClient.Response;
import org.passkeyee.it.support.PasskeyClient;
import org.passkeyee.it.support.ProxiedPostgres;
import org.passkeyee.testsupport.SoftwareAuthenticator;
import org.passkeyee.testsupport.server.LiveSessionCounter;
import org.passkeyee.testsupport.server.SessionProbeServlet;

/**
 * Sign-in under concurrent load and with the database failing: single use of an assertion,
 * consistent signature counts, a clean {@code 503 store_unavailable} while the database is cut
 * off and recovery when it returns, and nothing held (no session, no ceremony in the heap) for a
 * flood of anonymous ceremonies, whose state is sealed into the browser.
 *
 * <p>The store is on PostgreSQL (a database of this class's own) reached only through a
 * {@link org.passkeyee.it.support.TcpProxy} the test owns, so the database can be cut off
 * without touching the machine's shared server, through the property {@code passkey.datasource}.
 * That setup is independent of the server row's database, so the class runs once per Payara
 * version, on the H2 rows of Payara Micro 6 (EclipseLink 4) and 7 (EclipseLink 5), and only when
 * PostgreSQL answers on localhost (with {@code CI=true} always). (Hibernate does not retry a failed read, so WildFly has
 * nothing to prove here, and its datasource would need other pool settings.) The tests run in order, the flood first.
 */
@ExtendWith(ArquillianExtension.class)
@DisabledIfSystemProperty(named = "arquillian.launch", matches = "(?!payara-micro$|payara7$).*",
        disabledReason = "runs on the Payara Micro H2 rows only: it brings its own PostgreSQL datasource")
@EnabledIf(value = "postgresReachableOrRequired", disabledReason = "PostgreSQL does not answer on 127.0.0.1:5432")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInUnderLoadIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CEREMONY_TIMEOUT_SECONDS = 10;
    private static final int FLOOD = 3_000;
    private static final String PENDING_CEREMONY = "org.passkeyee.internal.ceremony.pending.PendingCeremony";
    /**
     * Long enough for many requests to meet the dead database (and for the pool to notice; its
     * connections time out after a few seconds, see ProxiedPostgres).
     */
    private static final Duration OUTAGE = Duration.ofSeconds(18);
    private static final String GLASSFISH_WEB_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE glassfish-web-app PUBLIC "-//GlassFish.org//DTD GlassFish Application Server 3.1 Servlet 3.0//EN"
                    "http://glassfish.org/dtds/glassfish-web-app_3_0-1.dtd">
            <glassfish-web-app>
                <session-config>
                    <session-manager persistence-type="memory">
                        <manager-properties>
                            <property name="reapIntervalSeconds" value="2"/>
                        </manager-properties>
                    </session-manager>
                </session-config>
            </glassfish-web-app>
            """;

    private static ProxiedPostgres database;

    @ArquillianResource
    private URL deploymentUrl;

    /** Runs where PostgreSQL answers, and always with {@code CI=true}: there a missing PostgreSQL fails it. */
    static boolean postgresReachableOrRequired() {
        return ProxiedPostgres.reachable() || "true".equals(System.getenv("CI"));
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        database = ProxiedPostgres.create("load");
        WebArchive war = Deployments.sampleAppWithConfig("passkey.ceremony-timeout=" + CEREMONY_TIMEOUT_SECONDS
                        + "\n" + ProxiedPostgres.STORE_PROPERTY)
                .addClasses(SessionProbeServlet.class, LiveSessionCounter.class)
                .addAsWebInfResource(new StringAsset(GLASSFISH_WEB_XML), "glassfish-web.xml");
        return database.addTo(war);
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    void floodOfAnonymousOptionsRequestsThenNoSessionAndNoCeremonyLeftInTheHeap() throws Exception {
        JsonNode beforeFlood = probe();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest options = HttpRequest.newBuilder(URI.create(appBase() + "/passkey/login/options"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .timeout(Duration.ofSeconds(30))
                .build();
        List<String> answers = runConcurrently(8, FLOOD / 8, () -> {
            HttpResponse<Void> answer = http.send(options, HttpResponse.BodyHandlers.discarding());
            boolean session = answer.headers().allValues("Set-Cookie").stream()
                    .anyMatch(cookie -> cookie.startsWith(PasskeyClient.SESSION_COOKIE + "="));
            boolean sealed = answer.headers().allValues("Set-Cookie").stream().anyMatch(cookie -> cookie.startsWith("PASSKEY_SIGN_IN="));
            return answer.statusCode() + (session ? " with a session" : "") + (sealed ? "" : " without the sealed ceremony");
        });
        assertEquals(List.of("200"), answers.stream().distinct().toList(), "answers of the flood");
        JsonNode afterFlood = probe();

        long newSessions = afterFlood.path("live").asLong() - beforeFlood.path("live").asLong();
        long pending = pendingCeremonies();
        System.out.printf("Flood of %d anonymous ceremonies: %d new sessions, %d pending ceremonies in the heap, heap %+d bytes%n",
                FLOOD, newSessions, pending, afterFlood.path("heapUsed").asLong() - beforeFlood.path("heapUsed").asLong());
        assertTrue(newSessions <= 0, () -> "sessions created by the flood: " + newSessions);
        assertTrue(pending <= 50, () -> "pending ceremonies in the heap after the flood: " + pending);
    }

    @Test
    @Order(2)
    void sameAssertionPostedByHundredConcurrentRequestsThenExactlyOneSignIn() throws Exception {
        SoftwareAuthenticator laptop = SoftwareAuthenticator.deviceBound();
        String username = signUp(laptop);
        PasskeyClient browser = newBrowser();
        JsonNode assertion = laptop.authenticate(optionsOf(browser.loginOptions().expectStatus(200)), browser.origin());
        String cookie = "PASSKEY_SIGN_IN=" + browser.cookie("PASSKEY_SIGN_IN").orElseThrow();

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest login = HttpRequest.newBuilder(URI.create(appBase() + "/passkey/login"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(assertion.toString()))
                .timeout(Duration.ofSeconds(60))
                .build();
        List<Response> responses = runConcurrently(100, 1, () -> response(http.send(login,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))));

        List<Response> signedIn = responses.stream().filter(r -> r.status() == 200).toList();
        assertEquals(1, signedIn.size(), () -> "sign-ins from one assertion: " + summary(responses));
        assertEquals(username, signedIn.get(0).json().path("username").asText());
        for (Response refused : responses) {
            if (refused.status() != 200) {
                assertRefused(refused, 401, "ceremony_not_found");
            }
        }
        assertEquals(1, storedCount(laptop), "signature count after one accepted assertion");
    }

    @Test
    @Order(3)
    void concurrentSignInsWithOnePasskeyThenStoredCountIsTheHighestAccepted() throws Exception {
        int concurrent = 20;
        SoftwareAuthenticator key = SoftwareAuthenticator.deviceBound();
        signUp(key);
        List<PasskeyClient> browsers = new ArrayList<>();
        List<JsonNode> assertions = new ArrayList<>();
        for (int i = 0; i < concurrent; i++) {
            PasskeyClient browser = newBrowser();
            browsers.add(browser);
            assertions.add(key.authenticate(optionsOf(browser.loginOptions().expectStatus(200)), browser.origin()));
        }
        // The assertions carry counts 1..20; post them all at once, in any order.
        List<Response> responses = runIndexed(concurrent, i -> browsers.get(i).finishLogin(assertions.get(i)));

        for (Response response : responses) {
            if (response.status() != 200) {
                assertRefused(response, 401, "signature_counter_regressed");
            }
        }
        assertEquals(200, responses.get(concurrent - 1).status(),
                () -> "the assertion with the highest count can never be refused: " + summary(responses));
        assertEquals(concurrent, storedCount(key), () -> "stored count after " + summary(responses));

        SoftwareAuthenticator synced = SoftwareAuthenticator.synced();
        signUp(synced);
        List<PasskeyClient> syncedBrowsers = new ArrayList<>();
        List<JsonNode> syncedAssertions = new ArrayList<>();
        for (int i = 0; i < concurrent; i++) {
            PasskeyClient browser = newBrowser();
            syncedBrowsers.add(browser);
            syncedAssertions.add(synced.authenticate(optionsOf(browser.loginOptions().expectStatus(200)), browser.origin()));
        }
        List<Response> syncedResponses = runIndexed(concurrent, i -> syncedBrowsers.get(i).finishLogin(syncedAssertions.get(i)));
        assertEquals(List.of(200), syncedResponses.stream().map(Response::status).distinct().toList(),
                () -> "a synced passkey (count always 0) signs in every time: " + summary(syncedResponses));
        assertEquals(0, storedCount(synced));
    }

    @Test
    @Order(4)
    void databaseCutOffMidRunThenCleanStoreUnavailableAndRecoveryWithNothingHalfWritten() throws Exception {
        List<SoftwareAuthenticator> keys = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            SoftwareAuthenticator key = SoftwareAuthenticator.deviceBound();
            signUp(key);
            keys.add(key);
        }
        SoftwareAuthenticator probeKey = SoftwareAuthenticator.deviceBound();
        signUp(probeKey);
        List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> signUps = Collections.synchronizedMap(new HashMap<>());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService workers = Executors.newFixedThreadPool(keys.size() + 1);
        List<Future<?>> done = new ArrayList<>();
        for (SoftwareAuthenticator key : keys) {
            done.add(workers.submit(() -> {
                while (running.get()) {
                    attempts.add(signInOnce(key));
                }
                return null;
            }));
        }
        done.add(workers.submit(() -> {
            while (running.get()) {
                String username = uniqueUsername("outage");
                PasskeyClient browser = newBrowser();
                long started = System.nanoTime();
                Response options = browser.registrationOptions(username, username);
                Response last = options.status() == 200
                        ? browser.finishRegistration(SoftwareAuthenticator.deviceBound().register(options.json(), browser.origin()), "k")
                        : options;
                attempts.add(new Attempt("sign-up " + username, -1, last, false, started, System.nanoTime()));
                signUps.put(username, last.status());
            }
            return null;
        }));

        Thread.sleep(1_500);
        long cutAt = System.nanoTime();
        database.proxy().cut();
        Thread.sleep(OUTAGE.toMillis());
        database.proxy().restore();
        long restoredAt = System.nanoTime();
        long recoveryDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        boolean recovered = false;
        while (!recovered && System.nanoTime() < recoveryDeadline) {
            Thread.sleep(250);
            Attempt probe = signInOnce(probeKey);
            attempts.add(probe);
            recovered = probe.accepted();
        }
        Thread.sleep(1_500);
        running.set(false);
        for (Future<?> worker : done) {
            worker.get(2, TimeUnit.MINUTES);
        }
        workers.shutdown();
        assertTrue(recovered, "no sign-in succeeded within 60 s after the database came back");

        Map<Integer, Integer> statuses = new HashMap<>();
        synchronized (attempts) {
            attempts.forEach(a -> statuses.merge(a.response().status(), 1, Integer::sum));
        }
        synchronized (attempts) {
            List<Attempt> during = attempts.stream().filter(a -> a.startedAt() >= cutAt && a.startedAt() < restoredAt).toList();
            System.out.printf("Database cut off for %d s: answers by status %s; %d requests started during the cut, "
                    + "%d answered 503 (slowest after %.1f s), %d waited for the database and succeeded (longest %.1f s)%n",
                    OUTAGE.toSeconds(), statuses, during.size(), during.stream().filter(a -> a.response().status() == 503).count(),
                    during.stream().filter(a -> a.response().status() == 503).mapToDouble(Attempt::seconds).max().orElse(0),
                    during.stream().filter(a -> a.response().status() / 100 == 2).count(),
                    during.stream().filter(a -> a.response().status() / 100 == 2).mapToDouble(Attempt::seconds).max().orElse(0));
        }
        List<String> unclean = new ArrayList<>();
        synchronized (attempts) {
            for (Attempt attempt : attempts) {
                Response r = attempt.response();
                boolean ok = r.status() == 200 || r.status() == 201;
                boolean storeDown = r.status() == 503 && "store_unavailable".equals(r.error())
                        && r.header("Content-Type") != null && r.header("Content-Type").startsWith("application/json");
                if (!ok && !storeDown) {
                    unclean.add(attempt.what() + ": " + r);
                }
            }
        }
        assertEquals(List.of(), unclean, "every answer is a success or a clean 503 store_unavailable");
        assertTrue(attempts.stream().anyMatch(a -> a.response().status() == 503),
                "no request met the cut-off database: the cut came too late or too early");

        for (SoftwareAuthenticator key : keys) {
            long stored = storedCount(key);
            String id = key.credentialIds().get(0);
            List<Attempt> mine = attempts.stream().filter(a -> a.what().startsWith("sign-in " + id)).toList();
            long highestAccepted = mine.stream().filter(Attempt::accepted).mapToLong(Attempt::count).max().orElse(0);
            assertTrue(stored >= highestAccepted, () -> "an accepted sign-in was lost: stored " + stored
                    + ", accepted up to " + highestAccepted);
            assertTrue(stored == 0 || mine.stream().anyMatch(a -> a.count() == stored),
                    () -> "stored count " + stored + " was never presented");
        }
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            assertEquals(0, count(s, "SELECT COUNT(*) FROM PASSKEY_USER u WHERE NOT EXISTS"
                    + " (SELECT 1 FROM PASSKEY_CREDENTIAL c WHERE c.USER_HANDLE = u.USER_HANDLE)"), "users without a passkey");
            assertEquals(0, count(s, "SELECT COUNT(*) FROM PASSKEY_CREDENTIAL c WHERE NOT EXISTS"
                    + " (SELECT 1 FROM PASSKEY_USER u WHERE u.USER_HANDLE = c.USER_HANDLE)"), "passkeys without a user");
            synchronized (signUps) {
                for (Map.Entry<String, Integer> signUp : signUps.entrySet()) {
                    if (signUp.getValue() == 201) {
                        try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM PASSKEY_USER WHERE USERNAME = ?")) {
                            p.setString(1, signUp.getKey());
                            try (ResultSet rs = p.executeQuery()) {
                                rs.next();
                                assertEquals(1, rs.getInt(1), () -> "created user " + signUp.getKey() + " is missing");
                            }
                        }
                    }
                }
            }
        }
        for (SoftwareAuthenticator key : keys) {
            PasskeyClient browser = newBrowser();
            browser.signIn(key).expectStatus(200);
            browser.me().expectStatus(200);
        }
    }

    // ---------------------------------------------------------------- helpers

    /**
     * One signed-out browser's usernameless sign-in. (Not followed by a protected request: under
     * concurrent load Payara 6 sometimes answers a signed-in caller's request with 403, see
     * docs/performance.md; the callers' protected requests are checked once the load is over.)
     */
    private Attempt signInOnce(SoftwareAuthenticator key) {
        PasskeyClient browser = newBrowser();
        Response options = browser.loginOptions();
        String what = "sign-in " + key.credentialIds().get(0);
        if (options.status() != 200) {
            return new Attempt(what + " (options)", -1, options, false, 0, 0);
        }
        JsonNode assertion = key.authenticate(optionsOf(options), browser.origin());
        long count = key.credentials().get(0).signCount();
        long started = System.nanoTime();
        Response login = browser.finishLogin(assertion);
        return new Attempt(what, count, login, login.status() == 200, started, System.nanoTime());
    }

    /**
     * What a worker asked and what it was answered; {@code count} is the signature count presented
     * (-1 for none), {@code accepted} whether the sign-in was answered 200.
     */
    private record Attempt(String what, long count, Response response, boolean accepted, long startedAt, long endedAt) {

        double seconds() {
            return (endedAt - startedAt) / 1e9;
        }
    }

    private String signUp(SoftwareAuthenticator authenticator) {
        String username = uniqueUsername("load");
        newBrowser().signUp(username, authenticator).expectStatus(201);
        return username;
    }

    private long storedCount(SoftwareAuthenticator authenticator) throws SQLException {
        try (Connection c = database.connect();
             PreparedStatement p = c.prepareStatement("SELECT SIGNATURE_COUNT FROM PASSKEY_CREDENTIAL WHERE CREDENTIAL_ID = ?")) {
            p.setString(1, authenticator.credentialIds().get(0));
            try (ResultSet rs = p.executeQuery()) {
                assertTrue(rs.next(), "the passkey is not stored");
                return rs.getLong(1);
            }
        }
    }

    private static int count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Live {@code PendingCeremony} instances in the server's heap (after a full GC); -1 if unknown. */
    private long pendingCeremonies() {
        return newBrowser().get(SessionProbeServlet.PATH + "?instancesOf=" + PENDING_CEREMONY).expectStatus(200)
                .json().path("instances").asLong();
    }

    /** Sessions created, destroyed and live, and the heap in use after garbage collection. */
    private JsonNode probe() {
        return newBrowser().get(SessionProbeServlet.PATH + "?heap").expectStatus(200).json();
    }

    private PasskeyClient newBrowser() {
        return new PasskeyClient(deploymentUrl);
    }

    private String appBase() {
        String path = deploymentUrl.getPath();
        return "http://localhost:" + deploymentUrl.getPort() + (path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
    }

    private static Response response(HttpResponse<String> response) {
        JsonNode json;
        try {
            json = response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body());
        } catch (IOException e) {
            json = null;
        }
        return new Response(response.statusCode(), json, response.body(), response.headers());
    }

    private static String summary(List<Response> responses) {
        Map<String, Integer> counts = new HashMap<>();
        for (Response r : responses) {
            counts.merge(r.status() + (r.error() == null ? "" : " " + r.error()), 1, Integer::sum);
        }
        return counts.toString();
    }

    /** Runs {@code task} {@code perThread} times on each of {@code threads} threads, all released at once. */
    private static <T> List<T> runConcurrently(int threads, int perThread, Callable<T> task) throws Exception {
        return runIndexed(threads, i -> {
            List<T> results = new ArrayList<>();
            for (int n = 0; n < perThread; n++) {
                results.add(task.call());
            }
            return results;
        }).stream().flatMap(List::stream).toList();
    }

    /** Runs {@code task(i)} for i = 0..n-1 on n threads released at once; results in index order. */
    private static <T> List<T> runIndexed(int n, IndexedTask<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.run(index);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(5, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface IndexedTask<T> {
        T run(int index) throws Exception;
    }
}
