package org.passkeyee.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
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

    /**
     * The command of node {@code index} (1-based) of {@code count}, working in {@code nodeDir}:
     * the row's node script with its settings in the environment (which also passes on
     * {@code PASSKEY_DECOY_SECRET} and {@code PASSKEY_CEREMONY_KEY} from Failsafe).
     */
    abstract Start start(int index, int count, Path nodeDir, Path war) throws IOException;

    /** What the node's log says once it sees a cluster of {@code count} nodes. */
    abstract Predicate<String> joinedMarker(int count);

    /** What the node's log says once the server has started, with its deployments or without. */
    abstract Predicate<String> startedMarker();

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

    /** Payara Micro 6 in a Hazelcast data grid, started by {@code servers/payara/cluster-node.sh}. */
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
            int httpPort = freePort();
            Map<String, String> environment = Map.ofEntries(
                    Map.entry("JAVA", java()),
                    Map.entry("JAVA_OPTS", "-Xmx512m -Djava.io.tmpdir=" + nodeDir.getParent()),
                    Map.entry("PAYARA_MICRO_JAR", ServerCluster.required("payara.micro.jar")),
                    Map.entry("WAR", war.toString()),
                    Map.entry("HTTP_PORT", Integer.toString(httpPort)),
                    Map.entry("NODE_NAME", "node" + index),
                    Map.entry("ROOT_DIR", nodeDir.toString()),
                    Map.entry("CLUSTER_NAME", "passkeyee-it-" + ServerCluster.required("cluster.port")),
                    Map.entry("FIRST_NODE_ADDRESS", "127.0.0.1"),
                    Map.entry("NODE_ADDRESS", "127.0.0.1"),
                    Map.entry("DATA_GRID_PORT", ServerCluster.required("cluster.datagrid.port")),
                    Map.entry("DRIVER_JAR", servers + "/drivers/postgresql.jar"),
                    Map.entry("POST_BOOT_COMMANDS", servers + "/scripts/payara/passkey-cluster-postgresql.asadmin"));
            return new Start(List.of("bash", servers + "/scripts/payara/cluster-node.sh"), environment, httpPort);
        }

        @Override
        Predicate<String> joinedMarker(int count) {
            return log -> log.contains("DG Size: " + count);
        }

        @Override
        Predicate<String> startedMarker() {
            return log -> log.contains("Payara Micro") && log.contains(" ready in ");
        }
    }

    /**
     * WildFly 39 with {@code standalone-ha.xml}, configured by {@code cluster-ha.cli} (JGroups
     * over TCP with the nodes' addresses, Infinispan web sessions as shipped), each node in a
     * copy of that configuration with its own port offset, started by
     * {@code servers/wildfly/cluster-node.sh}.
     */
    static final class WildFly extends ClusterNodes {

        private static final int HTTP = 8080;
        private static final int JGROUPS_TCP = 7600;
        /** The ports standalone-ha.xml binds with the TCP stack: AJP, HTTP(S), JGroups, management, transactions. */
        private static final int[] PORTS = {8009, HTTP, 8443, JGROUPS_TCP, 9990, 9993, 4712, 4713};
        /** Between the nodes' offsets: no port of one node is another's (the ports differ by other amounts). */
        private static final int NODE_STEP = 100;
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
                offsets = freeOffsets(count);
            }
            int offset = offsets.get(index - 1);
            copyRecursively(Path.of(ServerCluster.required("servers.dir"), "rows", "wildfly-cluster"), nodeDir);
            Files.copy(war, nodeDir.resolve("deployments").resolve(war.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            String initialHosts = offsets.stream().map(o -> "127.0.0.1[" + (JGROUPS_TCP + o) + "]")
                    .collect(Collectors.joining(","));
            Path javaHome = Path.of(java()).getParent().getParent();
            // Not LAUNCH_JBOSS_IN_BACKGROUND: with it, standalone.sh loops for ever once the JVM has
            // ended by a signal (bash's wait keeps answering 143). ServerCluster stops the JVM itself.
            Map<String, String> environment = Map.of(
                    "JAVA_HOME", javaHome.toString(),
                    "WILDFLY_HOME", ServerCluster.required("wildfly.home"),
                    "BASE_DIR", nodeDir.toString(),
                    "NODE_NAME", "node" + index,
                    "PORT_OFFSET", Integer.toString(offset),
                    "NODE_ADDRESS", "127.0.0.1",
                    "INITIAL_HOSTS", initialHosts);
            return new Start(List.of("bash", ServerCluster.required("servers.dir") + "/scripts/wildfly/cluster-node.sh"),
                    environment, HTTP + offset);
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

        @Override
        Predicate<String> startedMarker() {
            // WFLYSRV0025: started; WFLYSRV0026: started (with errors)
            return log -> log.contains("WFLYSRV0025") || log.contains("WFLYSRV0026");
        }

        /**
         * Port offsets for {@code count} nodes, {@link #NODE_STEP} apart, where every port of every
         * node can be bound now; the search starts at a place derived from this run's balancer port.
         */
        private static List<Integer> freeOffsets(int count) {
            int start = 10_000 + Integer.parseInt(ServerCluster.required("cluster.port")) % 40 * 1_000;
            for (int tried = 0; tried < 40; tried++) {
                int base = 10_000 + (start - 10_000 + tried * 1_000) % 40_000;
                List<Integer> offsets = IntStream.range(0, count).mapToObj(i -> base + i * NODE_STEP).toList();
                if (offsets.stream().allMatch(offset -> Arrays.stream(PORTS).allMatch(port -> canBind(port + offset)))) {
                    return offsets;
                }
            }
            throw new IllegalStateException("No free port offsets for " + count + " WildFly nodes");
        }

        private static boolean canBind(int port) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return true;
            } catch (IOException taken) {
                return false;
            }
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
