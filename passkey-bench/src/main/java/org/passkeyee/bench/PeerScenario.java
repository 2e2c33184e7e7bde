package org.passkeyee.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Us against the best peer (issue 11): the sample on each runtime we promise (Payara Micro 6,
 * WildFly 39, and Payara Micro 7 when the JDK is 21 or newer, each with its embedded H2 database)
 * and Spring Security 7's passkeys ({@code spring-peer.jar}, H2), every server on the same JDK
 * ({@code --server-jdk}), all running at once and measured {@link Interleaved interleaved} with the
 * same load generator, so that every ratio compares slices taken under the same noise, never
 * sequential runs.
 */
final class PeerScenario {

    private static final String SPRING = "Spring Security 7 (Boot 4.0.7, Tomcat)";

    /**
     * Payara Micro's {@code jdbc/__default} is an H2 database in a file ({@code AUTO_SERVER=TRUE});
     * WildFly's and Spring's are in memory. With {@code --payara-db=memory}, Payara gets one too.
     */
    private static final String IN_MEMORY_H2 = "create-jdbc-connection-pool --datasourceclassname org.h2.jdbcx.JdbcDataSource"
            + " --restype javax.sql.DataSource --steadypoolsize 8 --maxpoolsize 32"
            + " --property URL=jdbc\\:h2\\:mem\\:passkeys;DB_CLOSE_DELAY\\=-1 PasskeyBenchMemory\n"
            + "set resources.jdbc-resource.jdbc/__default.pool-name=PasskeyBenchMemory\n";

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
        Path jdk = options.serverJdk();
        int java = Options.featureVersion(jdk);
        report.line("- every server runs on %s (Java %d)", jdk, java);
        if (options.payaraInMemoryDb()) {
            report.line("- Payara's jdbc/__default: an in-memory H2 (--payara-db=memory), as WildFly's and Spring's");
        }
        int clients = options.clients().get(options.clients().size() - 1);
        Path war = options.workDir().resolve("wars").resolve("sample.war");
        BenchWar.copyWith(options.sampleWar(), war, BenchWar.PROBES, Map.of());
        Path warB = null;
        if (options.warB() != null) {
            warB = options.workDir().resolve("wars-b").resolve("sample.war");
            BenchWar.copyWith(options.warB(), warB, BenchWar.PROBES, Map.of());
            report.line("- B: `%s` on each runtime beside the committed WAR", options.warB());
        }
        SampleSite sample = new SampleSite(BenchmarkMain.SAMPLE_CONTEXT);
        SpringPeerSite spring = new SpringPeerSite();
        List<ServerProcess> servers = new ArrayList<>();
        try {
            List<Interleaved.Contender> contenders = new ArrayList<>();
            contenders.add(contender(SPRING, spring, started(servers, "Spring Security peer", spring,
                    ServerProcess.springPeer(jdk, options.springPeerJar(), options.workDir().resolve("spring"), options.heap()))));
            for (PeerRuntime runtime : options.runtimes()) {
                if (!runtime.runsOn(java)) {
                    report.line("- %s left out: it needs a newer Java", runtime.label());
                    continue;
                }
                contenders.add(us(servers, sample, runtime, war, ""));
                if (warB != null) {
                    contenders.add(us(servers, sample, runtime, warB, "B"));
                }
            }
            EcdsaCeiling.Result before = EcdsaCeiling.measure(2_000);
            Interleaved.warmUp(contenders, clients, options.warmup());
            List<Path> recordings = options.jfr() ? startRecordings(contenders) : List.of();
            List<Interleaved.Outcome> outcomes = Interleaved.measure(contenders, clients, options.rounds(), options.slice(),
                    options.maxCeremonies());
            EcdsaCeiling.Result ceiling = before.averagedWith(EcdsaCeiling.measure(2_000));
            report.line("%nFull usernameless sign-in ceremonies (options, ES256 signature, sign-in, protected page; a "
                    + "fresh browser each) from %d clients, %d callers per server; each server warmed up for %d s, then "
                    + "%d rounds of %d s per server, alternating (ceiling of the load generator's JDK %.0f ceremonies/s, "
                    + "measured before and after):", clients, options.callers(), options.warmup().toSeconds(),
                    options.rounds(), options.slice().toSeconds(), ceiling.pairsPerSecond());
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
            report.table(List.of("runtime (Java " + java + ")", "our ceremonies/s", "Spring's", "ratio",
                    "p50 ms us / Spring", "p99 ms us / Spring", "server CPU ms per ceremony us / Spring"), rows);
            if (!recordings.isEmpty()) {
                reportProfiles(contenders, recordings);
            }
        } finally {
            servers.forEach(ServerProcess::close);
        }
    }

    /** Starts a flight recording on every server; each is written to the results when stopped. */
    private List<Path> startRecordings(List<Interleaved.Contender> contenders) throws IOException, InterruptedException {
        List<Path> recordings = new ArrayList<>();
        for (Interleaved.Contender contender : contenders) {
            Path recording = options.resultsDir().resolve(options.label() + "-" + contender.server().pid() + ".jfr")
                    .toAbsolutePath();
            Jcmd.run(options.serverJdk(), contender.server().pid(), "JFR.start", "name=peer", "settings=profile",
                    "filename=" + recording);
            recordings.add(recording);
        }
        return recordings;
    }

    /** Stops the recordings and reports, per server, where its Java threads spent the measured rounds. */
    private void reportProfiles(List<Interleaved.Contender> contenders, List<Path> recordings)
            throws IOException, InterruptedException {
        List<String> labels = new ArrayList<>();
        List<Map<String, Double>> profiles = new ArrayList<>();
        for (int i = 0; i < contenders.size(); i++) {
            Interleaved.Contender contender = contenders.get(i);
            Jcmd.run(options.serverJdk(), contender.server().pid(), "JFR.stop", "name=peer");
            labels.add(contender.label());
            profiles.add(ServerProfile.of(options.serverJdk(), recordings.get(i)));
        }
        report.line("%nWhere each server's Java threads spent the measured rounds (Java Flight Recorder, `--jfr`; "
                + "recordings in the results directory; GC and JIT threads are not sampled):");
        ServerProfile.report(report, labels, profiles);
    }

    /** Our sample on one runtime, from {@code war}; {@code variant} "B" names the second WAR. */
    private Interleaved.Contender us(List<ServerProcess> servers, SampleSite sample, PeerRuntime runtime, Path war,
                                     String variant) throws IOException, InterruptedException {
        Path jdk = options.serverJdk();
        String name = runtime.option() + variant.toLowerCase(Locale.ROOT);
        ServerProcess server = switch (runtime) {
            case PAYARA6 -> ServerProcess.start(payara(jdk, options.microJar(), war, name));
            case PAYARA7 -> ServerProcess.start(payara(jdk, options.micro7Jar(), war, name));
            case WILDFLY -> ServerProcess.wildFly(jdk, options.wildFlyHome(), List.of(war), options.workDir().resolve(name),
                    options.heap(), variant.isEmpty() ? 0 : 100);
        };
        String label = runtime.label() + (variant.isEmpty() ? "" : " (" + variant + ")");
        return contender("us on " + label, sample, started(servers, label, sample, server));
    }

    private ServerProcess.Setup payara(Path javaHome, Path microJar, Path war, String name) throws IOException {
        Path root = options.workDir().resolve(name);
        List<String> micro = List.of();
        if (options.payaraInMemoryDb()) {
            Path commands = root.resolve("in-memory-h2.asadmin");
            Files.createDirectories(root);
            Files.writeString(commands, IN_MEMORY_H2, StandardCharsets.UTF_8);
            micro = List.of("--postbootcommandfile", commands.toAbsolutePath().toString());
        }
        return new ServerProcess.Setup(javaHome, microJar, List.of(war), root, options.heap(), List.of(), micro);
    }

    /** Waits for {@code server} (kept in {@code servers}, all stopped at the end) and reports it. */
    private ServerProcess started(List<ServerProcess> servers, String what, PasskeySite site, ServerProcess server)
            throws IOException, InterruptedException {
        servers.add(server);
        long start = System.nanoTime();
        server.awaitReady(Duration.ofMinutes(5), site.readyPath());
        report.line("- %s: heap %s, http://localhost:%d, ready in %.1f s; log %s", what, options.heap(), server.port(),
                (System.nanoTime() - start) / 1e9, server.log());
        return server;
    }

    private Interleaved.Contender contender(String label, PasskeySite site, ServerProcess server) throws InterruptedException {
        SignInLoad load = new SignInLoad(server.port(), site, errors);
        return new Interleaved.Contender(label, server, load, load.register(options.callers(), 8, "bench"));
    }
}
