package org.passkeyee.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small TCP proxy on loopback that a test owns, put between the server and the machine's
 * shared database so that the test can cut the database off and bring it back without ever
 * touching the database itself. {@link #cut()} closes every proxied connection and refuses new
 * ones (they are accepted and closed at once, as a dead database host would look to a driver
 * with a short connect timeout); {@link #restore()} lets connections through again.
 *
 * <p>With several targets it is a connection-level load balancer, as one without health checks
 * or sticky sessions: each new connection goes to the next target in turn, skipping a target
 * that refuses it; connections to a target that goes away break with it.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final List<InetSocketAddress> targets;
    private final AtomicInteger next = new AtomicInteger();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean passing = true;
    private volatile boolean closed;

    /** Starts proxying a free loopback port to {@code host:port}. */
    public TcpProxy(String host, int port) {
        this(0, List.of(new InetSocketAddress(host, port)));
    }

    /** Starts balancing loopback port {@code port} (0: a free one) over {@code targets}, in turn. */
    public TcpProxy(int port, List<InetSocketAddress> targets) {
        this.targets = List.copyOf(targets);
        try {
            this.listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::acceptLoop, "tcp-proxy-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The loopback port to connect to instead of the target. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Cuts the target off: closes every proxied connection, and every new one at once. */
    public void cut() {
        passing = false;
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        sockets.clear();
    }

    /** Lets new connections through again. */
    public void restore() {
        passing = true;
    }

    @Override
    public void close() {
        closed = true;
        cut();
        closeQuietly(listener);
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (!passing) {
                closeQuietly(client);
                continue;
            }
            Socket upstream = connectToNextTarget();
            if (upstream == null) {
                closeQuietly(client);
                continue;
            }
            sockets.add(client);
            sockets.add(upstream);
            pump(client, upstream);
            pump(upstream, client);
        }
    }

    /** A connection to the next target that takes one, or {@code null} when none does. */
    private Socket connectToNextTarget() {
        int first = Math.floorMod(next.getAndIncrement(), targets.size());
        for (int i = 0; i < targets.size(); i++) {
            Socket upstream = new Socket();
            try {
                upstream.connect(targets.get((first + i) % targets.size()), 2_000);
                return upstream;
            } catch (IOException refused) {
                closeQuietly(upstream);
            }
        }
        return null;
    }

    private void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // the other side or cut() closed the connection
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                sockets.remove(from);
                sockets.remove(to);
            }
        }, "tcp-proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }
}
