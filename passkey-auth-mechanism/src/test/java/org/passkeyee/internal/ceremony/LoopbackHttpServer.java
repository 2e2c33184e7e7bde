package org.passkeyee.internal.ceremony;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * TEST-ONLY: an HTTP server on 127.0.0.1 that answers every path with one fixed answer, or holds
 * every request without answering; it counts the requests it was sent.
 */
final class LoopbackHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);

    private LoopbackHttpServer(int status, byte[] body, boolean holds) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> answer(exchange, status, body, holds));
        server.start();
    }

    /** Answers every request with {@code status} and {@code body}. */
    static LoopbackHttpServer answering(int status, byte[] body) throws IOException {
        return new LoopbackHttpServer(status, body, false);
    }

    /** Accepts every request and never answers it (until closed). */
    static LoopbackHttpServer silent() throws IOException {
        return new LoopbackHttpServer(0, null, true);
    }

    /** The address of {@code path} on this server. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int requests() {
        return requests.get();
    }

    private void answer(HttpExchange exchange, int status, byte[] body, boolean holds) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            if (holds) {
                released.await();
                return;
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
