package org.passkeyee.bench;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Entry point of the benchmark; {@code run-benchmark.sh} at the project root runs every scenario
 * on both JDKs. See {@link Options#USAGE}. Exits with 1 if any request failed (every failure is
 * printed), 2 on bad arguments.
 */
public final class BenchmarkMain {

    static final String SAMPLE_CONTEXT = "/sample";
    static final String PLAIN_CONTEXT = "/plain";
    static final String BASIC_CONTEXT = "/basic";
    /** Answer 200 once every WAR of {@link #benchWars} is deployed. */
    static final String[] READY_PATHS = {
        PLAIN_CONTEXT + "/bench/open/me", BASIC_CONTEXT + "/bench/open/me", SAMPLE_CONTEXT + "/bench/open/me",
    };

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Report report = new Report(options.resultsDir().resolve(options.label() + ".md"));
        ErrorLog errors = new ErrorLog(System.out);
        Path work = options.workDir();
        deleteRecursively(work);
        Files.createDirectories(work);
        switch (options.scenario()) {
            case "signin" -> new SignInScenario(options, report, errors).run();
            case "postgres" -> new StoreScaleScenario(options, report, errors).run();
            case "memory" -> new MemoryScenario(options, report, errors).run();
            case "compare" -> new CompareScenario(options, report, errors).run();
            case "peer" -> new PeerScenario(options, report, errors).run();
            default -> throw new IllegalStateException(options.scenario());
        }
        report.line("%nErrors in this run: %d%s", errors.count(), errors.count() == 0 ? "" : " (each printed as ERROR #n on the console)");
        if (errors.count() > 0) {
            List<List<String>> kinds = new ArrayList<>();
            errors.byKind().forEach((kind, n) -> kinds.add(List.of("`" + kind + "`", String.valueOf(n))));
            report.table(List.of("phase: step: answer", "errors"), kinds);
        }
        System.exit(errors.count() == 0 ? 0 : 1);
    }

    /** Starts Payara Micro on this JDK with the given WARs, and waits until each path answers. */
    static ServerProcess startServer(Options options, String name, List<Path> wars, List<String> jvmOptions,
                                    List<String> microOptions, Report report, String... readyPaths)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        ServerProcess server = ServerProcess.start(new ServerProcess.Setup(Options.javaHome(), options.microJar(), wars,
                options.workDir().resolve(name), options.heap(), jvmOptions, microOptions));
        server.awaitReady(Duration.ofMinutes(5), readyPaths);
        report.line("- server: Payara Micro (%s), heap %s, http://localhost:%d, ready in %.1f s; log %s",
                options.microJar().getFileName(), options.heap(), server.port(), (System.nanoTime() - start) / 1e9, server.log());
        return server;
    }

    /**
     * The WARs: the sample plus probes at {@code /sample}, the twin alone at {@code /plain}, and the
     * twin with Jakarta Security's Basic mechanism at {@code /basic}.
     */
    static List<Path> benchWars(Options options) {
        return benchWars(options.sampleWar(), options.workDir().resolve("wars"));
    }

    /** The same WARs, from another build of the sample WAR, written to {@code dir}. */
    static List<Path> benchWars(Path sampleWar, Path dir) {
        Path sample = dir.resolve("sample.war");
        Path plain = dir.resolve("plain.war");
        Path basic = dir.resolve("basic.war");
        BenchWar.copyWith(sampleWar, sample, BenchWar.PROBES, Map.of());
        BenchWar.plain(plain, BenchWar.TWIN);
        BenchWar.plain(basic, BenchWar.TWIN_WITH_BASIC);
        return List.of(sample, plain, basic);
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
