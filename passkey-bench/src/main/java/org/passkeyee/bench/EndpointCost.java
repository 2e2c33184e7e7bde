package org.passkeyee.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * What each part of a ceremony costs the server: one kind of request at a time from T clients,
 * with the server's CPU time per request (from {@code /proc}). Subtracting the options request
 * and the protected request from a whole ceremony leaves the sign-in itself.
 */
final class EndpointCost {

    private EndpointCost() {
    }

    /** Prepares a client once (e.g. signs it in). */
    @FunctionalInterface
    interface Setup {
        void prepare(Browser browser, int client) throws IOException;
    }

    /** One request; must answer 200. */
    @FunctionalInterface
    interface Request {
        Browser.Response send(Browser browser) throws IOException;
    }

    /** Requests per second and the server's CPU per request. */
    record Cost(String name, double perSecond, double serverCpuMillis, MachineLoad.Usage cpu) {
    }

    static Cost measure(String name, int port, int clients, Duration warmup, Duration duration, long serverPid,
                        ErrorLog errors, Setup setup, Request request) throws InterruptedException {
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder done = new LongAdder();
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread worker = new Thread(() -> {
                try (Browser browser = new Browser(port)) {
                    setup.prepare(browser, client);
                    while (!stop.get()) {
                        Browser.Response response = request.send(browser);
                        if (response.status() != 200) {
                            errors.report("cost", name, response.toString());
                        } else if (measuring.get()) {
                            done.increment();
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    errors.report("cost", name, "exception " + e);
                }
            }, "cost-" + c);
            workers.add(worker);
            worker.start();
        }
        Thread.sleep(warmup.toMillis());
        MachineLoad.Snapshot start = MachineLoad.Snapshot.take(serverPid);
        measuring.set(true);
        Thread.sleep(duration.toMillis());
        measuring.set(false);
        MachineLoad.Snapshot end = MachineLoad.Snapshot.take(serverPid);
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        MachineLoad.Usage cpu = end.since(start);
        double requests = Math.max(1, done.sum());
        return new Cost(name, requests / cpu.seconds(), cpu.serverCpuSeconds() * 1000 / requests, cpu);
    }
}
