package org.passkeyee.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

/**
 * Servers of one kind clustered on loopback, as an admin would start them on separate machines,
 * each with the same WAR (the sample made {@code <distributable/>}), behind a load balancer
 * ({@link TcpProxy}: per connection, no sticky sessions). The nodes share one PostgreSQL
 * database and the decoy secret (the environment, inherited from Failsafe). How a node of each
 * kind starts is in {@link ClusterNodes}; the admin guide's cluster section quotes it.
 *
 * <p>Started by {@code ClusterIT} on the rows {@code payara-cluster} and
 * {@code wildfly-cluster}; the system properties it reads are set by Failsafe for those rows.
 */
public final class ServerCluster implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(120);
    private static final String CONTEXT = "/sample-app";

    private final String description;
    private final List<Node> nodes = new ArrayList<>();
    private final TcpProxy balancer;
    private final int balancerPort;

    /** One node: its name, its own HTTP port, its process and log. */
    public record Node(String name, int httpPort, Process process, Path log) {

        /** The node's own address of the application, for a client that picks the node. */
        public URL url() {
            return urlOf(httpPort);
        }

        /** Whether the node's process still runs. */
        public boolean running() {
            return process.isAlive();
        }
    }

    private ServerCluster(ClusterNodes kind, int nodeCount) throws IOException {
        Path workDir = workDir(kind);
        Path war = distributableSample(workDir);
        this.description = nodeCount + " " + kind.description() + " nodes";
        this.balancerPort = Integer.parseInt(required("cluster.port"));
        for (int i = 1; i <= nodeCount; i++) {
            String name = "node" + i;
            Path nodeDir = workDir.resolve(name);
            deleteRecursively(nodeDir); // an earlier run's directory keeps its old configuration
            Path log = workDir.resolve(name + ".log");
            ClusterNodes.Start start = kind.start(i, nodeCount, nodeDir, war);
            ProcessBuilder builder = new ProcessBuilder(start.command())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(start.environment());
            nodes.add(new Node(name, start.httpPort(), builder.start(), log));
        }
        // A test JVM that ends without close() (killed, crashed) takes its servers with it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> nodes.forEach(node -> {
            node.process().descendants().forEach(ProcessHandle::destroyForcibly);
            node.process().destroyForcibly();
        })));
        this.balancer = new TcpProxy(balancerPort, nodes.stream()
                .map(node -> new InetSocketAddress("localhost", node.httpPort())).toList());
        for (Node node : nodes) {
            awaitUp(node);
        }
        for (Node node : nodes) {
            awaitLog(node, kind.joinedMarker(nodeCount), "join a cluster of " + nodeCount);
        }
    }

    /**
     * Starts {@code nodeCount} nodes of the row's kind (system property {@code cluster.kind}:
     * {@code payara} or {@code wildfly}) with the sample, and the load balancer in front on port
     * {@code cluster.port}; returns when every node answers and sees every other one.
     */
    public static ServerCluster start(int nodeCount) {
        try {
            return new ServerCluster(ClusterNodes.of(required("cluster.kind")), nodeCount);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts one node of the row's kind alone, with the distributable sample but without
     * {@code PASSKEY_DECOY_SECRET} in its environment, and returns it once the server has started
     * (the application's deployment is expected to fail), or has ended. The caller stops it.
     */
    public static Node startOneWithoutDecoySecret() {
        return startOneWithout("PASSKEY_DECOY_SECRET");
    }

    /**
     * Starts one node of the row's kind alone, with the distributable sample but without the
     * environment variable {@code variable} (a setting every node must share), and returns it
     * once the server has started (the application's deployment is expected to fail), or has
     * ended. The caller stops it.
     */
    public static Node startOneWithout(String variable) {
        try {
            ClusterNodes kind = ClusterNodes.of(required("cluster.kind"));
            Path workDir = workDir(kind);
            Path war = distributableSample(workDir);
            Path nodeDir = workDir.resolve("lone");
            deleteRecursively(nodeDir);
            ClusterNodes.Start start = kind.start(1, 1, nodeDir, war);
            Path log = workDir.resolve("lone.log");
            ProcessBuilder builder = new ProcessBuilder(start.command()).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(start.environment());
            builder.environment().remove(variable);
            Node node = new Node("lone", start.httpPort(), builder.start(), log);
            try {
                awaitLog(node, kind.startedMarker().or(any -> !node.running()), "start");
            } catch (RuntimeException | IOException e) {
                stop(node);
                throw e;
            }
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops a node (its whole process tree) and waits until it has exited. */
    public static void stop(Node node) {
        node.process().descendants().forEach(ProcessHandle::destroy);
        node.process().destroy();
        awaitExit(node);
    }

    private static Path workDir(ClusterNodes kind) throws IOException {
        return Files.createDirectories(Path.of(required("servers.dir"), kind.name() + "-cluster"));
    }

    private static Path distributableSample(Path workDir) {
        Path war = workDir.resolve("sample-app.war");
        Deployments.distributable(Deployments.sampleApp()).as(ZipExporter.class).exportTo(war.toFile(), true);
        return war;
    }

    /** What runs, for the figures: "2 Payara Micro 6 nodes". */
    public String description() {
        return description;
    }

    /** The address a browser uses: the load balancer's. */
    public URL url() {
        return urlOf(balancerPort);
    }

    /** The node {@code index} (0-based). */
    public Node node(int index) {
        return nodes.get(index);
    }

    /** Ends a node as a crash or a pulled cable would: no shutdown, no session hand-over. */
    public void kill(Node node) {
        node.process().descendants().forEach(ProcessHandle::destroyForcibly);
        node.process().destroyForcibly();
        awaitExit(node);
    }

    @Override
    public void close() {
        balancer.close();
        for (Node node : nodes) {
            node.process().descendants().forEach(ProcessHandle::destroy);
            node.process().destroy();
        }
        nodes.forEach(ServerCluster::awaitExit);
    }

    private static void awaitUp(Node node) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!node.running()) {
                throw new IllegalStateException(node.name() + " ended while starting; see " + node.log());
            }
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(node.url().toURI())
                                .timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() < 400) {
                    return;
                }
            } catch (IOException | java.net.URISyntaxException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        throw new IllegalStateException(node.name() + " did not answer within " + START_TIMEOUT + "; see " + node.log());
    }

    private static void awaitLog(Node node, java.util.function.Predicate<String> marker, String what) throws IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!marker.test(Files.readString(node.log(), StandardCharsets.ISO_8859_1))) {
            if (Instant.now().isAfter(deadline) || !node.running()) {
                throw new IllegalStateException(node.name() + " did not " + what + "; see " + node.log());
            }
            pause();
        }
    }

    private static void awaitExit(Node node) {
        try {
            List<ProcessHandle> tree = Stream.concat(node.process().descendants(), Stream.of(node.process().toHandle())).toList();
            for (ProcessHandle process : tree) {
                try {
                    process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException stuck) {
                    process.destroyForcibly();
                }
            }
            node.process().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static URL urlOf(int port) {
        try {
            return URI.create("http://localhost:" + port + CONTEXT + "/").toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set (the cluster rows set it)");
        }
        return value;
    }
}
