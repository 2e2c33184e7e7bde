package org.passkeyee.it.support;

import static org.passkeyee.it.support.PasskeyAssertions.optionsOf;
import static org.passkeyee.it.support.PasskeyAssertions.uniqueUsername;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.passkeyee.testsupport.SoftwareAuthenticator;

/**
 * Steady passkey traffic through a cluster's load balancer while one node is killed: each client
 * thread, as a fresh browser each time, signs in (options, assertion, the protected page) and
 * now and then signs up a new account. Before the kill, callers sign in and stay signed in;
 * after it, they must still be. Afterwards every account whose sign-up was answered 201 must sign
 * in, and no account may exist without a passkey.
 */
public final class ClusterLoad {

    private static final Duration BEFORE_KILL = Duration.ofSeconds(10);
    private static final Duration AFTER_KILL = Duration.ofSeconds(40);
    /** Errors are expected only while the cluster notices the loss; none after this. */
    private static final Duration RECOVERY = Duration.ofSeconds(20);
    private static final int SIGNED_IN_CALLERS = 20;
    private static final int SIGN_UP_EVERY = 5;

    private final ServerCluster cluster;
    private final int clients;

    /** Load from {@code clients} threads, through the balancer of {@code cluster}. */
    public ClusterLoad(ServerCluster cluster, int clients) {
        this.cluster = cluster;
        this.clients = clients;
    }

    /**
     * What a node's loss cost.
     *
     * @param description           what ran: "2 Payara Micro 6 nodes"
     * @param signInsBeforeKill     sign-ins completed before the kill
     * @param errorsDuringOutage    ceremonies that failed (refused or broken) from the kill until recovery
     * @param lastErrorAfterKill    when the last failure before recovery began, from the kill (negative: before it)
     * @param longestCeremony       the longest ceremony (options to protected page) after the kill
     * @param signInsAfterKill      sign-ins completed after the kill
     * @param errorsAfterRecovery   failures that began more than the recovery time after the kill
     * @param signedInCallersLost   callers signed in before the kill who were signed out after it
     * @param signUpsAccepted       sign-ups answered 201 during the run
     * @param signUpsLost           of those, accounts that could not sign in afterwards
     * @param halfWrittenAccounts   accounts stored without a passkey
     */
    public record Figures(String description, int signInsBeforeKill, int errorsDuringOutage, Duration lastErrorAfterKill,
                          Duration longestCeremony, int signInsAfterKill, int errorsAfterRecovery,
                          int signedInCallersLost, int signUpsAccepted, int signUpsLost, long halfWrittenAccounts,
                          Map<String, Integer> failures) {

        @Override
        public String toString() {
            return String.format("Cluster failover (%s): %d sign-ins in the %d s before the kill; %d in the %d s after it, "
                            + "%d failed ceremonies (the last began %+d ms from the kill; %d began over %d s after it), longest ceremony %d ms; "
                            + "signed-in callers signed out: %d of %d; sign-ups accepted %d, lost %d; accounts without a passkey %d; "
                            + "failures %s",
                    description, signInsBeforeKill, BEFORE_KILL.toSeconds(), signInsAfterKill,
                    AFTER_KILL.toSeconds(), errorsDuringOutage,
                    lastErrorAfterKill.toMillis(), errorsAfterRecovery, RECOVERY.toSeconds(), longestCeremony.toMillis(),
                    signedInCallersLost, SIGNED_IN_CALLERS, signUpsAccepted, signUpsLost, halfWrittenAccounts, failures);
        }
    }

    private record Outcome(long startNanos, long endNanos, boolean ok, boolean signUp, String detail) {
    }

    /** Runs the load, kills {@code victim} during it, and measures. */
    public Figures killNodeDuringLoad(ServerCluster.Node victim) throws Exception {
        List<SoftwareAuthenticator> keys = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            SoftwareAuthenticator key = SoftwareAuthenticator.synced();
            browser().signUp(uniqueUsername("load"), key).expectStatus(201);
            keys.add(key);
        }
        List<PasskeyClient> signedIn = new ArrayList<>();
        for (int i = 0; i < SIGNED_IN_CALLERS; i++) {
            PasskeyClient caller = browser();
            caller.signIn(keys.get(i % keys.size())).expectStatus(200);
            caller.me().expectStatus(200);
            signedIn.add(caller);
        }

        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        Map<String, SoftwareAuthenticator> signUps = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            SoftwareAuthenticator key = keys.get(i);
            pool.submit(() -> drive(key, running, outcomes, signUps));
        }
        Thread.sleep(BEFORE_KILL.toMillis());
        long killedAt = System.nanoTime();
        cluster.kill(victim);
        Thread.sleep(AFTER_KILL.toMillis());
        running.set(false);
        pool.shutdown();
        if (!pool.awaitTermination(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("load clients did not stop");
        }

        int lost = 0;
        for (PasskeyClient caller : signedIn) {
            if (statusOfMe(caller) != 200) {
                lost++;
            }
        }
        int signUpsLost = 0;
        for (SoftwareAuthenticator key : signUps.values()) {
            try {
                browser().signIn(key).expectStatus(200);
            } catch (RuntimeException | AssertionError e) {
                signUpsLost++;
            }
        }
        return figures(List.copyOf(outcomes), killedAt, lost, signUps.size(), signUpsLost);
    }

    private void drive(SoftwareAuthenticator key, AtomicBoolean running, List<Outcome> outcomes,
                       Map<String, SoftwareAuthenticator> signUps) {
        for (int round = 1; running.get(); round++) {
            boolean signUp = round % SIGN_UP_EVERY == 0;
            long start = System.nanoTime();
            String detail;
            try {
                PasskeyClient browser = browser();
                if (signUp) {
                    SoftwareAuthenticator newKey = SoftwareAuthenticator.synced();
                    String username = uniqueUsername("load");
                    PasskeyClient.Response answer = browser.signUp(username, newKey);
                    detail = answer.status() + " " + answer.error();
                    if (answer.status() == 201) {
                        signUps.put(username, newKey);
                    }
                } else {
                    PasskeyClient.Response options = browser.loginOptions();
                    PasskeyClient.Response answer = options.status() != 200 ? options
                            : browser.finishLogin(key.authenticate(optionsOf(options), browser.origin()));
                    detail = answer.status() != 200 ? answer.status() + " " + answer.error()
                            : browser.me().status() == 200 ? "ok" : "protected page refused";
                }
            } catch (RuntimeException broken) {
                detail = broken.toString();
            }
            boolean ok = detail.equals("ok") || detail.startsWith("201");
            outcomes.add(new Outcome(start, System.nanoTime(), ok, signUp, detail));
        }
    }

    private Figures figures(List<Outcome> outcomes, long killedAt, int callersLost, int signUpsAccepted, int signUpsLost)
            throws SQLException {
        long recovered = killedAt + RECOVERY.toNanos();
        int before = 0;
        int errors = 0;
        int errorsAfterRecovery = 0;
        int signInsAfter = 0;
        long lastError = Long.MIN_VALUE;
        long longest = 0;
        Map<String, Integer> failures = new java.util.TreeMap<>();
        for (Outcome outcome : outcomes) {
            if (outcome.endNanos() < killedAt) {
                before += outcome.ok() && !outcome.signUp() ? 1 : 0;
                continue;
            }
            longest = Math.max(longest, outcome.endNanos() - outcome.startNanos());
            if (!outcome.ok()) {
                failures.merge(outcome.detail(), 1, Integer::sum);
            }
            if (outcome.ok()) {
                signInsAfter += outcome.signUp() ? 0 : 1;
            } else if (outcome.startNanos() > recovered) {
                errorsAfterRecovery++;
                System.out.println("Failure after recovery: " + outcome.detail());
            } else {
                errors++;
                lastError = Math.max(lastError, outcome.startNanos() - killedAt);
            }
        }
        return new Figures(cluster.description() + ", one killed", before, errors, Duration.ofNanos(lastError == Long.MIN_VALUE ? 0 : lastError), Duration.ofNanos(longest), signInsAfter,
                errorsAfterRecovery, callersLost, signUpsAccepted, signUpsLost, accountsWithoutPasskey(), failures);
    }

    /** A browser's GET retried once on a broken connection, as browsers do on a reused one. */
    private static int statusOfMe(PasskeyClient caller) {
        try {
            return caller.me().status();
        } catch (RuntimeException broken) {
            return caller.me().status();
        }
    }

    private static long accountsWithoutPasskey() throws SQLException {
        String url = "jdbc:postgresql://127.0.0.1:5432/" + ServerCluster.required("cluster.database");
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM PASSKEY_USER u WHERE NOT EXISTS "
                     + "(SELECT 1 FROM PASSKEY_CREDENTIAL c WHERE c.USER_HANDLE = u.USER_HANDLE)")) {
            count.next();
            return count.getLong(1);
        }
    }

    private PasskeyClient browser() {
        return new PasskeyClient(cluster.url());
    }
}
