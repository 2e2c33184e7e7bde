package org.passkeyee.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Us against the best peer (issue 11): the sample on each runtime we promise (Payara Micro 6 on
 * this JDK, Payara Micro 7 on {@code --jdk21}, WildFly 39 on this JDK, each with its embedded H2
 * database) and Spring Security 7's passkeys ({@code spring-peer.jar} on this JDK, H2), all four
 * running at once and measured {@link Interleaved interleaved} with the same load generator, so
 * that every ratio compares slices taken under the same noise, never sequential runs.
 */
final class PeerScenario {

    private static final String SPRING = "Spring Security 7 (Boot 4.0.7, Tomcat)";

    private final Options options;
    private final Report report;
    private final ErrorLog errors;

    PeerScenario(Options options, Report report, ErrorLog errors) {
        this.options = options;
        this.report = report;
        this.errors = errors;
    }

    void run() throws IOException, InterruptedException {
        report.heading("## Us and Spring Security 7, per runtime (`" + options.label() + "`)");
        report.environment();
        int clients = options.clients().get(options.clients().size() - 1);
        Path war = options.workDir().resolve("wars").resolve("sample.war");
        BenchWar.copyWith(options.sampleWar(), war, BenchWar.PROBES, Map.of());
        SampleSite sample = new SampleSite(BenchmarkMain.SAMPLE_CONTEXT);
        SpringPeerSite spring = new SpringPeerSite();
        try (ServerProcess springServer = started("Spring Security peer", spring,
                     ServerProcess.springPeer(Options.javaHome(), options.springPeerJar(), options.workDir().resolve("spring"),
                             options.heap()));
             ServerProcess payara6 = started("Payara Micro 6 (" + options.microJar().getFileName() + ")", sample,
                     ServerProcess.start(payara(Options.javaHome(), options.microJar(), war, "payara6")));
             ServerProcess payara7 = started("Payara Micro 7 (" + options.micro7Jar().getFileName() + ", "
                             + options.jdk21Home() + ")", sample,
                     ServerProcess.start(payara(options.jdk21Home(), options.micro7Jar(), war, "payara7")));
             ServerProcess wildFly = started("WildFly 39", sample,
                     ServerProcess.wildFly(Options.javaHome(), options.wildFlyHome(), List.of(war),
                             options.workDir().resolve("wildfly"), options.heap()))) {
            List<Interleaved.Contender> contenders = List.of(
                    contender(SPRING, springServer, spring),
                    contender("us on Payara Micro 6", payara6, sample),
                    contender("us on Payara Micro 7", payara7, sample),
                    contender("us on WildFly 39", wildFly, sample));
            EcdsaCeiling.Result before = EcdsaCeiling.measure(2_000);
            List<Interleaved.Outcome> outcomes = Interleaved.run(contenders, clients, options.warmup(), options.rounds(),
                    options.slice(), options.maxCeremonies());
            EcdsaCeiling.Result ceiling = before.averagedWith(EcdsaCeiling.measure(2_000));
            report.line("%nFull usernameless sign-in ceremonies (options, ES256 signature, sign-in, protected page; a "
                    + "fresh browser each) from %d clients, %d callers per server; each server warmed up for %d s, then "
                    + "%d rounds of %d s per server, alternating (ceiling %.0f ceremonies/s, measured before and after):",
                    clients, options.callers(), options.warmup().toSeconds(), options.rounds(), options.slice().toSeconds(),
                    ceiling.pairsPerSecond());
            Interleaved.report(report, outcomes, ceiling);
            report.line("%nEach runtime beside Spring Security 7, from the same interleaved run:");
            Interleaved.Outcome peer = outcomes.get(0);
            List<List<String>> rows = new ArrayList<>();
            for (Interleaved.Outcome us : outcomes.subList(1, outcomes.size())) {
                rows.add(List.of(us.label(), Report.f0(us.perSecond()), Report.f0(peer.perSecond()),
                        Report.f2(us.perSecond() / peer.perSecond()) + "×",
                        Report.f1(us.latency().p50()) + " / " + Report.f1(peer.latency().p50()),
                        Report.f1(us.latency().p99()) + " / " + Report.f1(peer.latency().p99()),
                        Report.f2(us.serverCpuMillis()) + " / " + Report.f2(peer.serverCpuMillis())));
            }
            report.table(List.of("runtime", "our ceremonies/s", "Spring's", "ratio", "p50 ms us / Spring",
                    "p99 ms us / Spring", "server CPU ms per ceremony us / Spring"), rows);
        }
    }

    private ServerProcess.Setup payara(Path javaHome, Path microJar, Path war, String name) {
        return new ServerProcess.Setup(javaHome, microJar, List.of(war), options.workDir().resolve(name), options.heap(),
                List.of(), List.of());
    }

    private ServerProcess started(String what, PasskeySite site, ServerProcess server) throws InterruptedException {
        long start = System.nanoTime();
        try {
            server.awaitReady(Duration.ofMinutes(5), site.readyPath());
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
        report.line("- %s: heap %s, http://localhost:%d, ready in %.1f s; log %s", what, options.heap(), server.port(),
                (System.nanoTime() - start) / 1e9, server.log());
        return server;
    }

    private Interleaved.Contender contender(String label, ServerProcess server, PasskeySite site) throws InterruptedException {
        SignInLoad load = new SignInLoad(server.port(), site, errors);
        return new Interleaved.Contender(label, server, load, load.register(options.callers(), 8, "bench"));
    }
}
