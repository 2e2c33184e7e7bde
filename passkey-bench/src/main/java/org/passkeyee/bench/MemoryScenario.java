package org.passkeyee.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Abandoned ceremonies: {@code --flood} anonymous usernameless options requests, each from a new
 * browser, that never come back. The server's heap (after a full collection) before, right after,
 * and once the sessions have expired: the core gives a session made only for an anonymous
 * ceremony an inactive interval of the ceremony timeout plus 60 s, and the container's session
 * reaper then removes it. The server runs with {@code passkey.ceremony-timeout=--ceremony-timeout}
 * so that the wait stays short.
 */
final class MemoryScenario {

    private static final String PENDING = "org.passkeyee.internal.ceremony.pending.PendingCeremony";

    private final Options options;
    private final Report report;
    private final ErrorLog errors;

    MemoryScenario(Options options, Report report, ErrorLog errors) {
        this.options = options;
        this.report = report;
        this.errors = errors;
    }

    void run() throws IOException, InterruptedException {
        report.heading(String.format("## Memory: %,d abandoned ceremonies (`%s`)", options.floodCeremonies(), options.label()));
        report.environment();
        List<String> jvm = List.of("-Dpasskey.ceremony-timeout=" + options.ceremonyTimeoutSeconds());
        try (ServerProcess server = BenchmarkMain.startServer(options, "server", BenchmarkMain.benchWars(options), jvm,
                List.of(), report, BenchmarkMain.READY_PATHS)) {
            SessionMemory memory = new SessionMemory(server.port(), BenchmarkMain.SAMPLE_CONTEXT, Options.javaHome(), server.pid());
            // Warm the endpoint up first, so that the baseline holds the classes and caches it needs.
            memory.flood(2_000, 8, errors);
            long warmSessions = memory.liveSessions();
            SessionMemory.Heap baseline = memory.heap();
            long baselineSessions = memory.liveSessions();

            int clients = options.clients().get(options.clients().size() - 1);
            long start = System.nanoTime();
            double rate = memory.flood(options.floodCeremonies(), clients, errors);
            double floodSeconds = (System.nanoTime() - start) / 1e9;
            long afterSessions = memory.liveSessions();
            SessionMemory.Heap after = memory.heap();

            Duration wait = Duration.ofSeconds(options.ceremonyTimeoutSeconds() + 60 + 120);
            start = System.nanoTime();
            long expiredSessions = memory.awaitSessionsAtMost(0, wait);
            double waited = (System.nanoTime() - start) / 1e9;
            SessionMemory.Heap expired = memory.heap();

            report.line("- `passkey.ceremony-timeout=%d`: anonymous ceremony sessions live %d s after their last request",
                    options.ceremonyTimeoutSeconds(), options.ceremonyTimeoutSeconds() + 60);
            report.line("- flood: %,d requests from %d clients in %.1f s (%.0f/s), load `%s`", options.floodCeremonies(), clients,
                    floodSeconds, rate, MachineLoad.loadAverages());
            report.line("- warm-up: 2,000 such requests first; %,d of their sessions still live at the baseline", warmSessions);
            double perCeremony = (double) (after.liveBytes() - baseline.liveBytes()) / options.floodCeremonies();
            report.table(List.of("", "live sessions", "live heap after full GC", "PendingCeremony instances"), List.of(
                    List.of("baseline", String.valueOf(baselineSessions), mib(baseline.liveBytes()), String.valueOf(baseline.instances(PENDING))),
                    List.of("right after the flood", String.valueOf(afterSessions), mib(after.liveBytes()), String.valueOf(after.instances(PENDING))),
                    List.of(String.format("%.0f s later", waited), String.valueOf(expiredSessions), mib(expired.liveBytes()),
                            String.valueOf(expired.instances(PENDING)))));
            report.line("Heap per abandoned ceremony, whole session included: **%.0f bytes** ((after − baseline) / %,d).",
                    perCeremony, options.floodCeremonies());
            report.line("Where it went (growth from the baseline to right after the flood, top classes):");
            List<List<String>> rows = new ArrayList<>();
            for (Map.Entry<String, long[]> growth : after.growthSince(baseline, 12).entrySet()) {
                rows.add(List.of("`" + growth.getKey() + "`", String.format("%,d", growth.getValue()[0]),
                        String.format("%,d", growth.getValue()[1]),
                        Report.f0((double) growth.getValue()[1] / options.floodCeremonies())));
            }
            report.table(List.of("class", "instances", "bytes", "bytes per ceremony"), rows);
            if (expiredSessions > 0) {
                errors.report("memory", "expiry", expiredSessions + " sessions still live " + waited + " s after the flood");
            }
        }
    }

    private static String mib(long bytes) {
        return String.format("%.1f MiB", bytes / 1024.0 / 1024.0);
    }
}
