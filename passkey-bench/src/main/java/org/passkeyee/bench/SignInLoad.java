package org.passkeyee.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.passkeyee.testsupport.SoftwareAuthenticator;

/**
 * The load: K callers given a passkey, then full sign-in ceremonies from T concurrent clients,
 * each a signed-out browser: options, the authenticator signs, the sign-in, then the protected page
 * with the new session, which must name the caller, as the {@link PasskeySite} speaks them (our
 * sample: {@code /passkey/login/options}, {@code /passkey/login}, {@code /api/me}). Usernameless,
 * as passkey autofill signs in.
 *
 * <p>Client {@code i} owns the callers {@code i, i+T, i+2T, ...} and signs in as each in turn, so
 * no passkey is used by two clients at once (a device-bound passkey's counts then arrive in
 * order). Even-numbered callers have synced passkeys (count always 0), odd-numbered ones
 * device-bound passkeys (count up by one), so both of the store's sign-in updates run.
 *
 * <p>Bounded: by time (warm-up, then measurement) and by {@code maxCeremonies}. Every error is
 * printed as it happens, with its phase, step and answer.
 */
final class SignInLoad {

    private final int port;
    private final PasskeySite site;
    private final ErrorLog errors;

    /** The load on our sample deployed at {@code context}. */
    SignInLoad(int port, String context, ErrorLog errors) {
        this(port, new SampleSite(context), errors);
    }

    SignInLoad(int port, PasskeySite site, ErrorLog errors) {
        this.port = port;
        this.site = site;
        this.errors = errors;
    }

    /** A registered caller and the authenticator holding their passkey. */
    record Caller(String username, SoftwareAuthenticator authenticator) {
    }

    /** One measurement at one concurrency. */
    record Result(int clients, double seconds, int ceremonies, int errors, Latencies.Summary latency,
                  double optionsMillis, double signMillis, double loginMillis, double meMillis,
                  MachineLoad.Usage cpu, String loadBefore, String loadAfter) {

        double perSecond() {
            return ceremonies / seconds;
        }
    }

    /** Registers {@code count} callers named {@code prefix-<n>} with {@code threads} clients. */
    List<Caller> register(int count, int threads, String prefix) throws InterruptedException {
        Caller[] callers = new Caller[count];
        AtomicInteger next = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try (Browser browser = new Browser(port)) {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        callers[i] = site.register(browser, prefix + "-" + i, i % 2 == 0);
                    }
                } catch (IOException e) {
                    errors.report("register", "sign-up", e.toString());
                }
            }, "register-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        List<Caller> registered = new ArrayList<>();
        for (Caller caller : callers) {
            if (caller == null) {
                throw new IllegalStateException("Not every caller could be registered; see the errors above");
            }
            registered.add(caller);
        }
        return registered;
    }

    /**
     * Runs {@code clients} clients: {@code warmup} unmeasured, then {@code measure} measured, at most
     * {@code maxCeremonies} measured ceremonies. A zero {@code measure} only warms up, and answers {@code null}.
     */
    Result run(List<Caller> callers, int clients, Duration warmup, Duration measure, int maxCeremonies, long serverPid)
            throws InterruptedException {
        return run(callers, clients, warmup, measure, new Latencies(maxCeremonies), serverPid);
    }

    /**
     * As {@link #run(List, int, Duration, Duration, int, long)}, recording into {@code latencies},
     * which may already hold earlier measurements (the result's latency summary then covers them
     * all; its ceremony count only this run's).
     */
    Result run(List<Caller> callers, int clients, Duration warmup, Duration measure, Latencies latencies, long serverPid)
            throws InterruptedException {
        if (callers.size() < clients) {
            throw new IllegalArgumentException("need at least as many callers (" + callers.size() + ") as clients (" + clients + ")");
        }
        int recordedBefore = latencies.count();
        LongAdder[] steps = {new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder()};
        AtomicInteger measuredErrors = new AtomicInteger();
        Phase phase = new Phase();
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<Caller> own = new ArrayList<>();
            for (int i = c; i < callers.size(); i += clients) {
                own.add(callers.get(i));
            }
            Thread worker = new Thread(() -> client(own, phase, latencies, steps, measuredErrors), "client-" + c);
            workers.add(worker);
        }
        workers.forEach(Thread::start);
        Thread.sleep(warmup.toMillis());
        if (measure.isZero()) {
            phase.end();
            for (Thread worker : workers) {
                worker.join();
            }
            return null;
        }
        String loadBefore = MachineLoad.loadAverages();
        MachineLoad.Snapshot start = MachineLoad.Snapshot.take(serverPid);
        phase.begin();
        long deadline = System.nanoTime() + measure.toNanos();
        while (System.nanoTime() < deadline && !phase.full) {
            Thread.sleep(50);
        }
        phase.end();
        MachineLoad.Snapshot stop = MachineLoad.Snapshot.take(serverPid);
        String loadAfter = MachineLoad.loadAverages();
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (phase.endedAt - phase.startedAt) / 1e9;
        int count = latencies.count() - recordedBefore;
        double n = Math.max(1, count);
        return new Result(clients, seconds, count, measuredErrors.get(), latencies.summary(),
                steps[0].sum() / n / 1e6, steps[1].sum() / n / 1e6, steps[2].sum() / n / 1e6, steps[3].sum() / n / 1e6,
                stop.since(start), loadBefore, loadAfter);
    }

    private void client(List<Caller> own, Phase phase, Latencies latencies, LongAdder[] steps, AtomicInteger measuredErrors) {
        long[] stepNanos = new long[4];
        try (Browser browser = new Browser(port)) {
            for (int turn = 0; !phase.stopped; turn++) {
                Caller caller = own.get(turn % own.size());
                long started = System.nanoTime();
                String failure;
                try {
                    failure = ceremony(browser, caller, stepNanos);
                } catch (IOException | RuntimeException e) {
                    failure = "exception " + e;
                }
                long ended = System.nanoTime();
                boolean measured = phase.measuring(ended);
                if (failure != null) {
                    errors.report(measured ? "measure" : phase.startedAt == 0 ? "warm-up" : "after", caller.username(), failure);
                    if (measured) {
                        measuredErrors.incrementAndGet();
                    }
                } else if (measured) {
                    if (!latencies.record(ended - started)) {
                        phase.full = true;
                        continue;
                    }
                    for (int s = 0; s < 4; s++) {
                        steps[s].add(stepNanos[s]);
                    }
                }
            }
        }
    }

    /** One ceremony in a browser without cookies; {@code null} when it succeeded, else what went wrong. */
    private String ceremony(Browser browser, Caller caller, long[] stepNanos) throws IOException {
        browser.clearCookies();
        long t0 = System.nanoTime();
        Browser.Response options = site.requestOptions(browser);
        long t1 = System.nanoTime();
        if (options.status() != 200) {
            return "options: " + options;
        }
        JsonNode assertion = caller.authenticator().authenticate(options.json(), browser.origin());
        long t2 = System.nanoTime();
        String refused = site.signIn(browser, assertion, caller.username());
        long t3 = System.nanoTime();
        if (refused != null) {
            return refused;
        }
        Browser.Response page = site.protectedPage(browser);
        long t4 = System.nanoTime();
        if (page.status() != 200 || !caller.username().equals(page.json().path("name").asText())) {
            return "protected page: " + page;
        }
        stepNanos[0] = t1 - t0;
        stepNanos[1] = t2 - t1;
        stepNanos[2] = t3 - t2;
        stepNanos[3] = t4 - t3;
        return null;
    }

    /** Warm-up, measurement, stop: flipped by the coordinating thread, read by the clients. */
    private static final class Phase {
        volatile long startedAt;
        volatile long endedAt;
        volatile boolean stopped;
        volatile boolean full;

        void begin() {
            startedAt = System.nanoTime();
        }

        void end() {
            endedAt = System.nanoTime();
            stopped = true;
        }

        boolean measuring(long now) {
            long start = startedAt;
            return start != 0 && now >= start && (endedAt == 0 || now <= endedAt);
        }
    }
}
