package org.passkeyee.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sign-in with the store on PostgreSQL, one server per store size: each size gets a database of
 * the benchmark's own, bulk-loaded with {@code COPY}, with the K callers registered on top
 * through the app; each Payara Micro has its default datasource moved onto its database with a
 * post-boot command file and the driver added with {@code --addlibs}. The servers are measured
 * {@link Interleaved interleaved}. The databases are dropped afterwards.
 */
final class StoreScaleScenario {

    private final Options options;
    private final Report report;
    private final ErrorLog errors;

    StoreScaleScenario(Options options, Report report, ErrorLog errors) {
        this.options = options;
        this.report = report;
        this.errors = errors;
    }

    void run() throws IOException, InterruptedException, SQLException, URISyntaxException {
        report.heading("## Sign-in with the store on PostgreSQL: " + options.storedPasskeys() + " stored passkeys (`"
                + options.label() + "`)");
        report.environment();
        String ddl = new String(BenchWar.nested(options.sampleWar(), "WEB-INF/lib/passkey-persistence-",
                "META-INF/sql/passkey-postgresql.sql"), StandardCharsets.UTF_8);
        Path driver = Path.of(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        int clients = options.clients().get(options.clients().size() - 1);
        List<PostgresStore> stores = new ArrayList<>();
        List<ServerProcess> servers = new ArrayList<>();
        try {
            List<Interleaved.Contender> contenders = new ArrayList<>();
            for (int size : options.storedPasskeys()) {
                PostgresStore store = new PostgresStore("passkey_bench_" + size);
                stores.add(store);
                store.create(ddl);
                int bulk = Math.max(0, size - options.callers());
                long start = System.nanoTime();
                store.bulkLoad(bulk);
                report.line("- database `%s`: tables from the store's `passkey-postgresql.sql`, %,d synthetic users with "
                        + "one passkey each loaded with COPY in %.1f s", store.database(), bulk, (System.nanoTime() - start) / 1e9);
                Path commands = store.writePostBootCommands(options.workDir().resolve(size + "-post-boot.asadmin"), 32);
                ServerProcess server = BenchmarkMain.startServer(options, "server-" + size,
                        BenchmarkMain.benchWars(options.sampleWar(), options.workDir().resolve("wars-" + size)), List.of(),
                        List.of("--postbootcommandfile", commands.toString(), "--addlibs", driver.toString()), report,
                        BenchmarkMain.READY_PATHS);
                servers.add(server);
                SignInLoad load = new SignInLoad(server.port(), BenchmarkMain.SAMPLE_CONTEXT, errors);
                List<SignInLoad.Caller> callers = load.register(options.callers(), 8, "bench");
                store.analyze();
                report.line("  its `jdbc/__default` redefined by `%s` (driver `%s`); %d callers registered; %,d passkeys "
                        + "stored, database %s", commands.getFileName(), driver.getFileName(), callers.size(),
                        store.storedPasskeys(), store.size());
                contenders.add(new Interleaved.Contender(String.format("%,d stored passkeys", store.storedPasskeys()),
                        server, load, callers));
            }
            EcdsaCeiling.Result before = EcdsaCeiling.measure(2_000);
            List<Interleaved.Outcome> outcomes = Interleaved.run(contenders, clients, options.warmup(), options.rounds(),
                    options.slice(), options.maxCeremonies());
            EcdsaCeiling.Result ceiling = before.averagedWith(EcdsaCeiling.measure(2_000));
            report.line("%nFull ceremonies from %d clients; each server warmed up for %d s, then %d rounds of %d s per "
                    + "server, alternating (ceiling %.0f ceremonies/s, measured before and after):", clients,
                    options.warmup().toSeconds(), options.rounds(), options.slice().toSeconds(), ceiling.pairsPerSecond());
            Interleaved.report(report, outcomes, ceiling);
        } finally {
            for (ServerProcess server : servers) {
                server.close();
            }
            for (PostgresStore store : stores) {
                store.drop();
            }
        }
    }
}
