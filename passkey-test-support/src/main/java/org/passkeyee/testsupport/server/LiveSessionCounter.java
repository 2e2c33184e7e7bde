package org.passkeyee.testsupport.server;

import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.concurrent.atomic.AtomicLong;

/**
 * TEST-ONLY listener, deployed by the tests and the benchmark into the WAR under test: counts the
 * sessions the container creates and destroys (invalidates or expires), for {@link SessionProbeServlet}.
 */
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
