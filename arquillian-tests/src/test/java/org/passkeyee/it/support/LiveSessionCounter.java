package org.passkeyee.it.support;

import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.concurrent.atomic.AtomicLong;

/** TEST-ONLY listener: counts the sessions the container creates and destroys (see {@link SessionProbeServlet}). */
@WebListener
public class LiveSessionCounter implements HttpSessionListener {

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
