package org.passkeyee.it.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** The server processes of this machine, found by their command line. */
final class ServerProcesses {

    private static final Duration POLL = Duration.ofMillis(200);

    private ServerProcesses() {
    }

    /**
     * Waits until no process (of those this user may see) has {@code arguments}, one after the
     * other, on its command line.
     */
    static void awaitExitOfEveryProcessWith(Duration timeout, String... arguments) {
        Instant deadline = Instant.now().plus(timeout);
        while (!processesWith(arguments).isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Still running after " + timeout + ": " + processesWith(arguments));
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Waits until the TCP port can be bound on all interfaces, as the next server will bind it: a
     * stopped server's process may be gone a moment before the kernel lets the port go.
     */
    static void awaitPortFree(int port, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!canBind(port)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Port " + port + " still in use after " + timeout);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static boolean canBind(int port) {
        try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(port));
            return true;
        } catch (java.io.IOException inUse) {
            return false;
        }
    }

    private static List<ProcessHandle> processesWith(String... arguments) {
        List<String> wanted = Arrays.asList(arguments);
        return ProcessHandle.allProcesses()
                .filter(process -> process.pid() != ProcessHandle.current().pid())
                .filter(process -> process.info().arguments()
                        .map(args -> Collections.indexOfSubList(Arrays.asList(args), wanted) >= 0)
                        .orElse(false))
                .toList();
    }
}
