package org.passkeyee.bench.server;

import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.concurrent.atomic.AtomicLong;

/**
 * BENCHMARK PROBE: counts the application's sessions as the container creates and destroys
 * (invalidates or expires) them, so the benchmark can see abandoned ceremonies go away.
 */
@WebListener
public class LiveSessions implements HttpSessionListener {

    static final AtomicLong CREATED = new AtomicLong();
    static final AtomicLong DESTROYED = new AtomicLong();

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        CREATED.incrementAndGet();
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        DESTROYED.incrementAndGet();
    }
}
