package org.passkeyee.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** How one node of a {@link ServerCluster} starts, per server kind: the options an admin gives it. */
abstract class ClusterNodes {

    /** What starts one node: its command line, extra environment, and the HTTP port it will listen on. */
    record Start(List<String> command, Map<String, String> environment, int httpPort) {
    }

    static ClusterNodes of(String kind) {
        return switch (kind) {
            case "payara" -> new PayaraMicro();
            case "wildfly" -> new WildFly();
            default -> throw new IllegalArgumentException("No cluster of kind " + kind);
        };
    }

    /** The row's name for the kind: payara, wildfly. */
    abstract String name();

    /** For the figures: "Payara Micro 6". */
    abstract String description();

    /** The command of node {@code index} (1-based) of {@code count}, working in {@code nodeDir}. */
    abstract Start start(int index, int count, Path nodeDir, Path war) throws IOException;

    /** What the node's log says once it sees a cluster of {@code count} nodes. */
    abstract Predicate<String> joinedMarker(int count);

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Payara Micro 6 in a Hazelcast data grid. The nodes find each other over TCP/IP at the first
     * node's data grid port, not by multicast; {@code --nohostaware}, or Hazelcast keeps no backup
     * of a session on a node with the same IP address, and a node's loss would lose the sessions
     * it owned.
     */
    static final class PayaraMicro extends ClusterNodes {

        @Override
        String name() {
            return "payara";
        }

        @Override
        String description() {
            return "Payara Micro 6";
        }

        @Override
        Start start(int index, int count, Path nodeDir, Path war) {
            String servers = ServerCluster.required("servers.dir");
            String dataGridPort = ServerCluster.required("cluster.datagrid.port");
            int httpPort = freePort();
            List<String> command = List.of(java(), "-Xmx512m", "-Djava.io.tmpdir=" + nodeDir.getParent(),
                    "-jar", ServerCluster.required("payara.micro.jar"),
                    "--deploy", war.toString(),
                    "--port", Integer.toString(httpPort),
                    "--name", "node" + index,
                    "--rootdir", nodeDir.toString(),
                    "--clustername", "passkeyee-it-" + ServerCluster.required("cluster.port"),
                    "--clustermode", "tcpip:127.0.0.1:" + dataGridPort,
                    "--startport", dataGridPort,
                    "--interfaces", "127.0.0.1",
                    "--nohostaware",
                    "--addlibs", servers + "/drivers/postgresql.jar",
                    "--prebootcommandfile", servers + "/scripts/payara/passkey-listener.asadmin",
                    "--postbootcommandfile", servers + "/scripts/payara/passkey-cluster-postgresql.asadmin");
            return new Start(command, Map.of(), httpPort);
        }

        @Override
        Predicate<String> joinedMarker(int count) {
            return log -> log.contains("DG Size: " + count);
        }
    }

    /**
     * WildFly 39 with {@code standalone-ha.xml}, configured by {@code cluster-ha.cli} (JGroups
     * over TCP with the nodes' addresses, Infinispan web sessions as shipped), each node in a
     * copy of that configuration with its own port offset.
     */
    static final class WildFly extends ClusterNodes {

        private static final int HTTP = 8080;
        private static final int JGROUPS_TCP = 7600;
        private List<Integer> offsets;

        @Override
        String name() {
            return "wildfly";
        }

        @Override
        String description() {
            return "WildFly 39 (standalone-ha)";
        }

        @Override
        Start start(int index, int count, Path nodeDir, Path war) throws IOException {
            if (offsets == null) {
                offsets = IntStream.range(0, count).mapToObj(i -> freePort() - HTTP).toList();
            }
            int offset = offsets.get(index - 1);
            copyRecursively(Path.of(ServerCluster.required("servers.dir"), "rows", "wildfly-cluster"), nodeDir);
            Files.copy(war, nodeDir.resolve("deployments").resolve(war.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            String initialHosts = offsets.stream().map(o -> "127.0.0.1[" + (JGROUPS_TCP + o) + "]")
                    .collect(Collectors.joining(","));
            List<String> command = new ArrayList<>(List.of("bash",
                    ServerCluster.required("wildfly.home") + "/bin/standalone.sh",
                    "-c", "standalone-ha.xml",
                    "-Djboss.server.base.dir=" + nodeDir,
                    "-Djboss.node.name=node" + index,
                    "-Djboss.socket.binding.port-offset=" + offset,
                    "-Djboss.bind.address=127.0.0.1",
                    "-Djboss.bind.address.private=127.0.0.1",
                    "-Djgroups.tcpping.initial_hosts=" + initialHosts));
            Path javaHome = Path.of(java()).getParent().getParent();
            return new Start(command, Map.of("JAVA_HOME", javaHome.toString(), "LAUNCH_JBOSS_IN_BACKGROUND", "1"),
                    HTTP + offset);
        }

        @Override
        Predicate<String> joinedMarker(int count) {
            // Infinispan, for the application's session cache: "[Context=sample-app.war] ISPN100010:
            // Finished rebalance with members [node2, node1]", in either order.
            List<String> names = IntStream.rangeClosed(1, count).mapToObj(i -> "node" + i).toList();
            return log -> log.lines().anyMatch(line -> line.contains("[Context=sample-app.war]")
                    && line.contains("Finished rebalance with members [")
                    && names.stream().allMatch(line::contains));
        }

        private static void copyRecursively(Path from, Path to) throws IOException {
            try (Stream<Path> paths = Files.walk(from)) {
                for (Path path : paths.toList()) {
                    Path target = to.resolve(from.relativize(path).toString());
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }
}
