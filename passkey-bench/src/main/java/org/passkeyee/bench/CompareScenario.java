package org.passkeyee.bench;

import java.io.IOException;
import java.util.List;

/**
 * The sample WAR against another build of it (e.g. with a change to the core), each on its own
 * Payara Micro with the embedded H2 database, measured {@link Interleaved interleaved}: the
 * figures before and after a change, under the same noise.
 */
final class CompareScenario {

    private final Options options;
    private final Report report;
    private final ErrorLog errors;

    CompareScenario(Options options, Report report, ErrorLog errors) {
        this.options = options;
        this.report = report;
        this.errors = errors;
    }

    void run() throws IOException, InterruptedException {
        report.heading("## Compare: `" + options.sampleWar() + "` (A) and `" + options.warB() + "` (B) (`"
                + options.label() + "`)");
        report.environment();
        int clients = options.clients().get(options.clients().size() - 1);
        try (ServerProcess a = BenchmarkMain.startServer(options, "server-a",
                BenchmarkMain.benchWars(options.sampleWar(), options.workDir().resolve("wars-a")), List.of(), List.of(),
                report, BenchmarkMain.READY_PATHS);
             ServerProcess b = BenchmarkMain.startServer(options, "server-b",
                BenchmarkMain.benchWars(options.warB(), options.workDir().resolve("wars-b")), List.of(), List.of(),
                report, BenchmarkMain.READY_PATHS)) {
            SignInLoad loadA = new SignInLoad(a.port(), BenchmarkMain.SAMPLE_CONTEXT, errors);
            SignInLoad loadB = new SignInLoad(b.port(), BenchmarkMain.SAMPLE_CONTEXT, errors);
            List<Interleaved.Contender> contenders = List.of(
                    new Interleaved.Contender("A: the sample WAR built here", a, loadA,
                            loadA.register(options.callers(), 8, "bench")),
                    new Interleaved.Contender("B: --war-b", b, loadB,
                            loadB.register(options.callers(), 8, "bench")));
            EcdsaCeiling.Result before = EcdsaCeiling.measure(2_000);
            List<Interleaved.Outcome> outcomes = Interleaved.run(contenders, clients, options.warmup(), options.rounds(),
                    options.slice(), options.maxCeremonies());
            EcdsaCeiling.Result ceiling = before.averagedWith(EcdsaCeiling.measure(2_000));
            report.line("%nFull ceremonies from %d clients; each server warmed up for %d s, then %d rounds of %d s per "
                    + "server, alternating (ceiling %.0f ceremonies/s, measured before and after):", clients,
                    options.warmup().toSeconds(), options.rounds(), options.slice().toSeconds(), ceiling.pairsPerSecond());
            Interleaved.report(report, outcomes, ceiling);
        }
    }
}
