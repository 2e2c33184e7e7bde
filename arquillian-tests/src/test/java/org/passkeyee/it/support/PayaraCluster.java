package org.passkeyee.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Payara Micro nodes clustered on loopback through their Hazelcast data grid, as an admin would
 * start them on separate machines, each with the same WAR, behind a load balancer
 * ({@link TcpProxy}, per connection, no sticky sessions). The nodes share one PostgreSQL
 * database (the post-boot command file) and the decoy secret (the environment, which the nodes
 * inherit from Failsafe). Every option the nodes get is in {@link #command}: the admin guide's
 * cluster section quotes them.
 *
 * <p>Started by the tests of the {@code payara-cluster} row; the system properties it reads are
 * set by Failsafe for that row.
 */
public final class PayaraCluster implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(120);
    private static final String CONTEXT = "/sample-app";

    private final Path workDir;
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

    private PayaraCluster(Path workDir, int balancerPort, int nodeCount, Path war) throws IOException {
        this.workDir = workDir;
        this.balancerPort = balancerPort;
        int dataGridPort = Integer.parseInt(required("payara.cluster.datagrid.port"));
        for (int i = 1; i <= nodeCount; i++) {
            int httpPort = freePort();
            String name = "node" + i;
            deleteRecursively(workDir.resolve(name)); // a root directory of an earlier run keeps its old configuration
            Path log = workDir.resolve(name + ".log");
            Process process = new ProcessBuilder(command(name, httpPort, dataGridPort, war))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            nodes.add(new Node(name, httpPort, process, log));
        }
        List<InetSocketAddress> targets = nodes.stream()
                .map(node -> new InetSocketAddress("localhost", node.httpPort())).toList();
        this.balancer = new TcpProxy(balancerPort, targets);
        for (Node node : nodes) {
            awaitUp(node);
        }
        awaitDataGridOf(nodeCount);
    }

    /**
     * Starts {@code nodeCount} nodes with the sample application made distributable, and the
     * load balancer in front on port {@code payara.cluster.port}; returns when every node answers
     * and sees every other one in its data grid.
     */
    public static PayaraCluster startWithSample(int nodeCount) {
        try {
            Path workDir = Files.createDirectories(Path.of(required("servers.dir"), "payara-cluster"));
            Path war = workDir.resolve("sample-app.war");
            Deployments.distributable(Deployments.sampleApp()).as(ZipExporter.class).exportTo(war.toFile(), true);
            return new PayaraCluster(workDir, Integer.parseInt(required("payara.cluster.port")), nodeCount, war);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The address a browser uses: the load balancer's. */
    public URL url() {
        return urlOf(balancerPort);
    }

    /** The nodes, in start order. */
    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    /** The node {@code index} (0-based). */
    public Node node(int index) {
        return nodes.get(index);
    }

    /** Ends a node as a crash or a pulled cable would: no shutdown, no session hand-over. */
    public void kill(Node node) {
        node.process().destroyForcibly();
        awaitExit(node);
    }

    @Override
    public void close() {
        balancer.close();
        nodes.forEach(node -> node.process().destroy());
        nodes.forEach(PayaraCluster::awaitExit);
    }

    /**
     * The command line of one node. Hazelcast on loopback: the nodes find each other over TCP/IP
     * at the first node's data grid port, not by multicast; {@code --nohostaware}, or Hazelcast
     * keeps no backup of a session on a node with the same IP address, and a node's loss would
     * lose the sessions it owned.
     */
    private List<String> command(String name, int httpPort, int dataGridPort, Path war) {
        String servers = required("servers.dir");
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m",
                "-Djava.io.tmpdir=" + workDir,
                "-jar", required("payara.micro.jar"),
                "--deploy", war.toString(),
                "--port", Integer.toString(httpPort),
                "--name", name,
                "--rootdir", workDir.resolve(name).toString(),
                "--clustername", "passkeyee-it-" + balancerPort,
                "--clustermode", "tcpip:127.0.0.1:" + dataGridPort,
                "--startport", Integer.toString(dataGridPort),
                "--interfaces", "127.0.0.1",
                "--nohostaware",
                "--addlibs", servers + "/drivers/postgresql.jar",
                "--prebootcommandfile", servers + "/scripts/payara/passkey-listener.asadmin",
                "--postbootcommandfile", servers + "/scripts/payara/passkey-cluster-postgresql.asadmin"));
        return command;
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

    /** Waits until each node's log says it sees the whole data grid. */
    private void awaitDataGridOf(int size) throws IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        for (Node node : nodes) {
            while (!Files.readString(node.log(), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .contains("DG Size: " + size)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(node.name() + " did not join a data grid of " + size
                            + "; see " + node.log());
                }
                pause();
            }
        }
    }

    private static void awaitExit(Node node) {
        try {
            if (!node.process().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                node.process().destroyForcibly().waitFor();
            }
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

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
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

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set (the payara-cluster row sets it)");
        }
        return value;
    }
}
