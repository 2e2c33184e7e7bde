package org.passkeyee.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server process the benchmark starts and stops, on a free loopback port, in its own root
 * directory, its output in {@code server.log} there: Payara Micro or WildFly with the given WARs,
 * {@code passkey.origins=http://localhost:<port>} (as the Arquillian tests pass it) and a cap on
 * anonymous ceremonies high enough for the benchmark's floods; or the Spring Security peer.
 */
final class ServerProcess implements AutoCloseable {

    private static final int MAX_ANONYMOUS_CEREMONIES = 10_000_000;

    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** What Payara Micro to start. */
    record Setup(Path javaHome, Path microJar, List<Path> wars, Path rootDir, String heap,
                 List<String> jvmOptions, List<String> microOptions) {
    }

    /** Starts Payara Micro. */
    static ServerProcess start(Setup setup) throws IOException {
        int port = freePort();
        Path root = setup.rootDir().toAbsolutePath();
        Files.createDirectories(root.resolve("tmp"));
        List<String> command = new ArrayList<>();
        command.add(setup.javaHome().resolve("bin").resolve("java").toString());
        command.add("-Xms" + setup.heap());
        command.add("-Xmx" + setup.heap());
        command.add("-Djava.io.tmpdir=" + root.resolve("tmp"));
        command.addAll(passkeyProperties(port));
        command.addAll(setup.jvmOptions());
        command.add("-jar");
        command.add(setup.microJar().toAbsolutePath().toString());
        command.add("--nocluster");
        command.add("--disablephonehome");
        command.add("--port");
        command.add(String.valueOf(port));
        command.add("--rootdir");
        command.add(root.resolve("payara").toString());
        for (Path war : setup.wars()) {
            command.add("--deploy");
            command.add(war.toAbsolutePath().toString());
        }
        command.addAll(setup.microOptions());
        return launch(new ProcessBuilder(command), port, root);
    }

    /**
     * Starts WildFly ({@code standalone.xml}) on a copy of its {@code standalone} directory in
     * {@code rootDir}, with the WARs deployed and the one setting a Jakarta Security mechanism
     * needs there ({@code integrated-jaspi=false}, see the admin guide), on {@code javaHome}.
     */
    static ServerProcess wildFly(Path javaHome, Path wildFlyHome, List<Path> wars, Path rootDir, String heap)
            throws IOException {
        return wildFly(javaHome, wildFlyHome, wars, rootDir, heap, 0);
    }

    /**
     * As {@link #wildFly(Path, Path, List, Path, String)}, with every socket binding shifted by
     * {@code portOffset} (the HTTP and management ports still end up free ones): a second WildFly
     * on the machine needs another AJP and transaction recovery port than the first.
     */
    static ServerProcess wildFly(Path javaHome, Path wildFlyHome, List<Path> wars, Path rootDir, String heap,
                                 int portOffset) throws IOException {
        int port = freePort();
        Path root = rootDir.toAbsolutePath();
        Path base = root.resolve("standalone");
        copyTree(wildFlyHome.resolve("standalone"), base);
        Path configuration = base.resolve("configuration").resolve("standalone.xml");
        String xml = Files.readString(configuration);
        String domain = "<application-security-domain name=\"other\" security-domain=\"ApplicationDomain\"/>";
        int undertow = xml.indexOf("urn:jboss:domain:undertow:");
        int at = undertow < 0 ? -1 : xml.indexOf(domain, undertow);
        if (at < 0) {
            throw new IllegalStateException("No " + domain + " in the undertow subsystem of " + configuration);
        }
        Files.writeString(configuration, xml.substring(0, at)
                + "<application-security-domain name=\"other\" security-domain=\"ApplicationDomain\" integrated-jaspi=\"false\"/>"
                + xml.substring(at + domain.length()));
        for (Path war : wars) {
            Files.copy(war, base.resolve("deployments").resolve(war.getFileName()));
        }
        List<String> command = new ArrayList<>();
        command.add("bash"); // unpacked by Maven, the scripts lose their execute bit
        command.add(wildFlyHome.toAbsolutePath().resolve("bin").resolve("standalone.sh").toString());
        command.add("-Djboss.server.base.dir=" + base);
        command.add("-Djboss.socket.binding.port-offset=" + portOffset);
        command.add("-Djboss.http.port=" + (port - portOffset));
        command.add("-Djboss.https.port=" + (freePort() - portOffset));
        command.add("-Djboss.management.http.port=" + (freePort() - portOffset));
        command.add("-Djboss.management.https.port=" + (freePort() - portOffset));
        command.addAll(passkeyProperties(port));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().put("JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap + " -Djava.net.preferIPv4Stack=true");
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        return launch(builder, port, root);
    }

    /** Starts the Spring Security peer's executable JAR, its allowed origin {@code http://localhost:<port>}. */
    static ServerProcess springPeer(Path javaHome, Path jar, Path rootDir, String heap) throws IOException {
        int port = freePort();
        Path root = rootDir.toAbsolutePath();
        Files.createDirectories(root);
        List<String> command = List.of(javaHome.resolve("bin").resolve("java").toString(), "-Xms" + heap, "-Xmx" + heap,
                "-jar", jar.toAbsolutePath().toString(), "--server.port=" + port, "--peer.origin=http://localhost:" + port);
        return launch(new ProcessBuilder(command), port, root);
    }

    private static List<String> passkeyProperties(int port) {
        // The cost runs and the memory flood start far more anonymous ceremonies than the default
        // cap (50,000) allows at once; the benchmark measures their cost, not the cap.
        return List.of("-Dpasskey.origins=http://localhost:" + port, "-Dpasskey.rp-id=localhost",
                "-Dpasskey.max-anonymous-ceremonies=" + MAX_ANONYMOUS_CEREMONIES);
    }

    private static ServerProcess launch(ProcessBuilder builder, int port, Path root) throws IOException {
        Path log = root.resolve("server.log");
        Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServerProcess server = new ServerProcess(process, port, log);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-server-" + port));
        return server;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    int port() {
        return port;
    }

    /** The server's JVM: the process started, or the JVM a start script (WildFly's) launched. */
    long pid() {
        return process.toHandle().descendants()
                .filter(child -> child.info().command().map(command -> command.endsWith("/java")).orElse(false))
                .findFirst().map(ProcessHandle::pid).orElse(process.pid());
    }

    Path log() {
        return log;
    }

    /** Waits until each path answers 200, or fails (the process died, or the time ran out). */
    void awaitReady(Duration timeout, String... paths) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String path : paths) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The server exited with " + process.exitValue() + "; see " + log);
                }
                try (Browser probe = new Browser(port)) {
                    if (probe.get(path).status() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The server did not answer " + path + " within " + timeout + "; see " + log);
                }
                Thread.sleep(250);
            }
        }
    }

    /** Stops the server: a normal shutdown first, then forcibly after 30 s. Idempotent. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.toHandle().descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
