package org.passkeyee.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The measured part shared by the H2 and PostgreSQL scenarios: the ES256 ceiling before the
 * load, the load at each concurrency, the ceiling again after it, and the tables that compare them.
 */
final class LoadRun {

    private LoadRun() {
    }

    /** The results, for scenarios that report more. */
    record Outcome(List<SignInLoad.Caller> callers, List<SignInLoad.Result> results, EcdsaCeiling.Result ceiling) {
    }

    static Outcome run(Options options, ServerProcess server, Report report, ErrorLog errors, String callerPrefix)
            throws IOException, InterruptedException {
        SignInLoad load = new SignInLoad(server.port(), BenchmarkMain.SAMPLE_CONTEXT, errors);
        int maxClients = options.clients().stream().mapToInt(Integer::intValue).max().orElse(16);
        long start = System.nanoTime();
        List<SignInLoad.Caller> callers = load.register(options.callers(), Math.min(maxClients, 8), callerPrefix);
        report.line("- registered %d callers through the sign-up endpoints in %.1f s (half synced passkeys, half device-bound)",
                callers.size(), (System.nanoTime() - start) / 1e9);

        // Warm up at the highest concurrency: on two cores the JIT compilers need minutes of load
        // before the server's cost per ceremony settles, and would otherwise inflate the first level.
        long warming = System.nanoTime();
        load.run(callers, maxClients, options.warmup(), Duration.ZERO, 1, server.pid());
        report.line("- warm-up: %.0f s of ceremonies from %d clients, not measured", (System.nanoTime() - warming) / 1e9, maxClients);
        EcdsaCeiling.Result before = EcdsaCeiling.measure(2_000);
        String beforeLoad = MachineLoad.loadAverages();
        List<SignInLoad.Result> results = new ArrayList<>();
        for (int i = 0; i < options.clients().size(); i++) {
            int clients = options.clients().get(i);
            Duration warmup = Duration.ofSeconds(Math.min(10, options.warmup().toSeconds()));
            boolean record = options.jfr() && i == options.clients().size() - 1;
            Path recording = options.resultsDir().resolve(options.label() + "-server.jfr").toAbsolutePath();
            if (record) {
                Jcmd.run(Options.javaHome(), server.pid(), "JFR.start", "name=bench", "settings=profile",
                        "filename=" + recording);
            }
            SignInLoad.Result result = load.run(callers, clients, warmup, options.duration(), options.maxCeremonies(), server.pid());
            if (record) {
                Jcmd.run(Options.javaHome(), server.pid(), "JFR.stop", "name=bench");
                report.line("- server flight recording of the %d-client run (warm-up included): %s", clients, recording);
            }
            results.add(result);
            System.out.printf("  %d clients: %.0f ceremonies/s, p99 %.1f ms, %d errors%n", clients, result.perSecond(),
                    result.latency().p99(), result.errors());
        }
        EcdsaCeiling.Result after = EcdsaCeiling.measure(2_000);
        EcdsaCeiling.Result ceiling = before.averagedWith(after);

        report.line("%nThe ceiling: ES256 in-process on this JDK (load before: `%s`, after: `%s`).", beforeLoad,
                MachineLoad.loadAverages());
        report.table(List.of("", "sign/s (1 thread)", "verify/s (1 thread)", "sign+verify pairs/s on " + ceiling.threads() + " threads"),
                List.of(
                        List.of("before the load", Report.f0(before.signPerSecond()), Report.f0(before.verifyPerSecond()), Report.f0(before.pairsPerSecond())),
                        List.of("after the load", Report.f0(after.signPerSecond()), Report.f0(after.verifyPerSecond()), Report.f0(after.pairsPerSecond())),
                        List.of("**ceiling** (mean)", Report.f0(ceiling.signPerSecond()), Report.f0(ceiling.verifyPerSecond()),
                                "**" + Report.f0(ceiling.pairsPerSecond()) + " ceremonies/s**")));

        report.line("Full ceremonies (options, sign, login, `GET /api/me`), %d s measured at each concurrency after 10 s "
                + "at it (and the warm-up), %d callers:", options.duration().toSeconds(), callers.size());
        List<List<String>> rows = new ArrayList<>();
        for (SignInLoad.Result r : results) {
            double ratio = r.perSecond() / ceiling.pairsPerSecond();
            double available = Math.max(0.05, 1 - r.cpu().othersShare());
            rows.add(List.of(String.valueOf(r.clients()), Report.f0(r.perSecond()), Report.percent(ratio),
                    Report.percent(Math.min(1, ratio / available)),
                    Report.f1(r.latency().p50()), Report.f1(r.latency().p90()), Report.f1(r.latency().p99()),
                    Report.f1(r.latency().max()), String.valueOf(r.errors()),
                    Report.f2(r.cpu().serverCpuSeconds() * 1000 / Math.max(1, r.ceremonies())),
                    Report.f2(r.cpu().clientCpuSeconds() * 1000 / Math.max(1, r.ceremonies())),
                    Report.percent(r.cpu().othersShare()), "`" + r.loadBefore() + "` → `" + r.loadAfter() + "`"));
        }
        report.table(List.of("clients", "ceremonies/s", "of ceiling", "of ceiling, CPU left by others", "p50 ms", "p90 ms",
                "p99 ms", "max ms", "errors", "server CPU ms/ceremony", "client CPU ms/ceremony",
                "CPU taken by other processes", "load average before → after"), rows);
        List<List<String>> steps = new ArrayList<>();
        for (SignInLoad.Result r : results) {
            steps.add(List.of(String.valueOf(r.clients()), Report.f2(r.optionsMillis()), Report.f2(r.signMillis()),
                    Report.f2(r.loginMillis()), Report.f2(r.meMillis()), r.cpu().describe()));
        }
        report.line("Mean time per step (ms) and where the CPU went:");
        report.table(List.of("clients", "POST login/options", "sign (client)", "POST login", "GET /api/me", "CPU"), steps);
        return new Outcome(callers, results, ceiling);
    }
}
