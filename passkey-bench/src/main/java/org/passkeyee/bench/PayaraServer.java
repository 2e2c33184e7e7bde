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
 * A Payara Micro process the benchmark starts and stops: the given WARs on a free loopback port,
 * its own root directory, {@code passkey.origins=http://localhost:<port>} (as the Arquillian
 * tests pass it) and a cap on anonymous ceremonies high enough for the benchmark's floods. It runs on the same JDK as this process unless told otherwise. Its output goes
 * to {@code server.log} in the root directory.
 */
final class PayaraServer implements AutoCloseable {

    private static final int MAX_ANONYMOUS_CEREMONIES = 10_000_000;

    private final Process process;
    private final int port;
    private final Path log;

    private PayaraServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** What to start. */
    record Setup(Path javaHome, Path microJar, List<Path> wars, Path rootDir, String heap,
                 List<String> jvmOptions, List<String> microOptions) {
    }

    static PayaraServer start(Setup setup) throws IOException {
        int port = freePort();
        Path root = setup.rootDir().toAbsolutePath();
        Files.createDirectories(root.resolve("tmp"));
        Path log = root.resolve("server.log");
        List<String> command = new ArrayList<>();
        command.add(setup.javaHome().resolve("bin").resolve("java").toString());
        command.add("-Xms" + setup.heap());
        command.add("-Xmx" + setup.heap());
        command.add("-Djava.io.tmpdir=" + root.resolve("tmp"));
        command.add("-Dpasskey.origins=http://localhost:" + port);
        command.add("-Dpasskey.rp-id=localhost");
        // The cost runs and the memory flood start far more anonymous ceremonies than the default
        // cap (50,000) allows at once; the benchmark measures their cost, not the cap.
        command.add("-Dpasskey.max-anonymous-ceremonies=" + MAX_ANONYMOUS_CEREMONIES);
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
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        PayaraServer server = new PayaraServer(process, port, log);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-payara-" + port));
        return server;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
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
                    throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + "; see " + log);
                }
                try (Browser probe = new Browser(port)) {
                    if (probe.get(path).status() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Payara Micro did not answer " + path + " within " + timeout + "; see " + log);
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
