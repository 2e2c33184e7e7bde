package org.passkeyee.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's settings, from {@code --name=value} arguments; every one has a default. Run
 * with {@code --help} for the list.
 */
record Options(String scenario, Path benchDir, Path resultsDir, List<Integer> clients, int callers,
               Duration warmup, Duration duration, int maxCeremonies, String heap, List<Integer> storedPasskeys,
               int floodCeremonies, int ceremonyTimeoutSeconds, int overheadRounds, boolean jfr, String label,
               int rounds, Duration slice, Path warB, Path serverJdk, List<PeerRuntime> runtimes,
               boolean payaraInMemoryDb) {

    static final String USAGE = """
            Usage: BenchmarkMain <signin|postgres|memory|compare|peer> [--name=value ...]
              signin    sign-in load on the sample app (Payara's embedded H2), the ES256 ceiling,
                        the mechanism's overhead on an ordinary request, the session state per ceremony
              postgres  sign-in load with the store on PostgreSQL: one server per --stored-passkeys
                        size (each its own database, bulk-loaded), measured interleaved
              memory    heap after a flood of abandoned anonymous ceremonies, and after they expire
              compare   sign-in load on the sample WAR and on --war-b (e.g. a build with a core change),
                        both on Payara's embedded H2, measured interleaved
              peer      the sample on Payara Micro 6, WildFly 39 and (on Java 21+) Payara Micro 7 (their
                        embedded H2) and Spring Security 7's passkeys (spring-peer.jar, H2), every server
                        on --server-jdk, measured interleaved: ceremonies/s, p50/p99, server CPU, and
                        each runtime's ratio to Spring
            Options (default):
              --bench-dir=passkey-bench/target/bench   payara-micro.jar, sample-app.war and lib/ (mvn -Pbench)
              --results=<bench-dir>/results            where the Markdown reports go
              --clients=16                             concurrent clients; a list runs each in turn: 1,4,16
              --callers=1000                           registered callers (K)
              --warmup=60 --duration=30                seconds of warm-up (at the highest concurrency), then
                                                       of measurement at each concurrency (after 10 s at it);
                                                       compare and peer warm up 180 s: an A/B after 60 s
                                                       measures JITs still climbing
              --max-ceremonies=500000                  bound on measured ceremonies per concurrency
              --heap=512m                              the server's heap (-Xms and -Xmx)
              --stored-passkeys=1000,1000000           postgres: passkeys in each store, K real ones included
              --rounds=4 --slice=15                    postgres, compare: rounds of one slice (s) per server
              --war-b=<path>                           compare: the other WAR; peer: each runtime also
                                                       runs this WAR (B), so a change is measured
                                                       interleaved with the committed WAR and Spring
              --server-jdk=<java home>                 peer: the JDK every server runs on (this one); Payara
                                                       Micro 7 joins when it is 21 or newer
              --runtimes=payara6,payara7,wildfly       peer: the runtimes to run us on
              --payara-db=default                      peer: "memory" points Payara's jdbc/__default at an
                                                       in-memory H2 (as WildFly's and Spring's) instead of
                                                       its file-backed embedded database
              --flood=100000                           memory: abandoned ceremonies
              --ceremony-timeout=60                    memory: passkey.ceremony-timeout of the server, seconds
              --overhead-rounds=5000                   signin: measured rounds of the four overhead variants
              --jfr=false                              record the server(s) with Java Flight Recorder while measuring;
                                                       peer: and report where each one's Java threads spent the time
              --label=<scenario>-jdk<version>          names the report and the work directory
            """;


    static Options parse(String[] args) {
        if (args.length == 0 || args[0].startsWith("--")) {
            throw new IllegalArgumentException("missing scenario\n" + USAGE);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("not --name=value: " + arg + "\n" + USAGE);
            }
            values.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        String scenario = args[0];
        if (!List.of("signin", "postgres", "memory", "compare", "peer").contains(scenario)) {
            throw new IllegalArgumentException("unknown scenario " + scenario + "\n" + USAGE);
        }
        Path benchDir = Path.of(take(values, "bench-dir", "passkey-bench/target/bench"));
        Options options = new Options(scenario, benchDir,
                Path.of(take(values, "results", benchDir.resolve("results").toString())),
                ints(take(values, "clients", "16")),
                Integer.parseInt(take(values, "callers", "1000")),
                Duration.ofSeconds(Long.parseLong(take(values, "warmup", List.of("compare", "peer").contains(scenario) ? "180" : "60"))),
                Duration.ofSeconds(Long.parseLong(take(values, "duration", "30"))),
                Integer.parseInt(take(values, "max-ceremonies", "500000")),
                take(values, "heap", "512m"),
                ints(take(values, "stored-passkeys", "1000,1000000")),
                Integer.parseInt(take(values, "flood", "100000")),
                Integer.parseInt(take(values, "ceremony-timeout", "60")),
                Integer.parseInt(take(values, "overhead-rounds", "5000")),
                Boolean.parseBoolean(take(values, "jfr", "false")),
                take(values, "label", scenario + "-jdk" + Runtime.version().feature()),
                Integer.parseInt(take(values, "rounds", "4")),
                Duration.ofSeconds(Long.parseLong(take(values, "slice", "15"))),
                values.containsKey("war-b") ? Path.of(values.remove("war-b")) : null,
                Path.of(take(values, "server-jdk", javaHome().toString())),
                PeerRuntime.parse(take(values, "runtimes", PeerRuntime.allOptions())),
                switch (take(values, "payara-db", "default")) {
                    case "default" -> false;
                    case "memory" -> true;
                    default -> throw new IllegalArgumentException("--payara-db is default or memory\n" + USAGE);
                });
        if (scenario.equals("compare") && options.warB() == null) {
            throw new IllegalArgumentException("compare needs --war-b\n" + USAGE);
        }
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + values.keySet() + "\n" + USAGE);
        }
        return options;
    }

    private static List<Integer> ints(String list) {
        List<Integer> ints = new ArrayList<>();
        for (String n : list.split(",")) {
            ints.add(Integer.parseInt(n.trim()));
        }
        return ints;
    }

    private static String take(Map<String, String> values, String name, String fallback) {
        String value = values.remove(name);
        return value != null ? value : fallback;
    }

    Path microJar() {
        return benchDir.resolve("payara-micro.jar");
    }

    /** Payara Micro 7 (Jakarta EE 11). */
    Path micro7Jar() {
        return benchDir.resolve("payara-micro-7.jar");
    }

    /** The unpacked WildFly distribution: the one {@code wildfly-*} directory of the bench directory. */
    Path wildFlyHome() throws java.io.IOException {
        try (var entries = java.nio.file.Files.list(benchDir)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("wildfly-") && java.nio.file.Files.isDirectory(p))
                    .findFirst().orElseThrow(() -> new IllegalStateException("No wildfly-* directory in " + benchDir
                            + ": build with mvn -Pbench -pl passkey-bench -am package"));
        }
    }

    /** The Spring Security peer's executable JAR. */
    Path springPeerJar() {
        return benchDir.resolve("spring-peer.jar");
    }

    Path sampleWar() {
        return benchDir.resolve("sample-app.war");
    }

    Path workDir() {
        return benchDir.resolve("work").resolve(label);
    }

    /** The feature version (17, 21, 25, ...) of the JDK at {@code home}, from its {@code release} file. */
    static int featureVersion(Path home) throws java.io.IOException {
        for (String line : java.nio.file.Files.readAllLines(home.resolve("release"))) {
            if (line.startsWith("JAVA_VERSION=")) {
                String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                return Integer.parseInt(version.split("[.+-]")[0]);
            }
        }
        throw new IllegalStateException("No JAVA_VERSION in " + home.resolve("release"));
    }

    /** The JDK this process runs on; the server runs on the same one. */
    static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }
}
