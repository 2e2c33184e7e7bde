package org.passkeyee.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.lang.management.ManagementFactory;
import java.util.Collections;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * TEST-ONLY servlet: {@code GET /test-support/sessions} answers the sessions created, destroyed
 * and live (from {@link LiveSessionCounter}) and the heap in use after a requested garbage collection;
 * {@code GET /test-support/sessions?mine} describes the caller's own session without changing
 * it: its inactive interval and each attribute's size serialized with {@link ObjectOutputStream};
 * {@code GET /test-support/sessions?instancesOf=CLASS} counts the live instances of a class after
 * a full collection (from the JVM's class histogram).
 */
@WebServlet(SessionProbeServlet.PATH)
public class SessionProbeServlet extends HttpServlet {

    /** Where the servlet is mapped, relative to the context root. */
    public static final String PATH = "/test-support/sessions";

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonObjectBuilder answer = Json.createObjectBuilder();
        String instancesOf = request.getParameter("instancesOf");
        if (instancesOf != null) {
            answer.add("instances", instances(instancesOf));
        } else if (request.getParameter("mine") != null) {
            HttpSession session = request.getSession(false);
            if (session == null) {
                answer.addNull("session");
            } else {
                JsonObjectBuilder attributes = Json.createObjectBuilder();
                for (String name : Collections.list(session.getAttributeNames())) {
                    attributes.add(name, serializedSize(session.getAttribute(name)));
                }
                answer.add("maxInactiveInterval", session.getMaxInactiveInterval()).add("attributes", attributes);
            }
        } else {
            Runtime runtime = Runtime.getRuntime();
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            long created = LiveSessionCounter.CREATED.get();
            long destroyed = LiveSessionCounter.DESTROYED.get();
            answer.add("created", created)
                    .add("destroyed", destroyed)
                    .add("live", created - destroyed)
                    .add("heapUsed", runtime.totalMemory() - runtime.freeMemory());
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(answer.build().toString());
    }

    /**
     * Live instances of a class, from the JVM's own class histogram (the {@code GC.class_histogram}
     * diagnostic command, which collects garbage first); -1 if the JVM does not offer it.
     */
    private static long instances(String className) {
        try {
            String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {null}, new String[] {String[].class.getName()});
            for (String line : histogram.split("\n")) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length >= 4 && fields[0].endsWith(":") && fields[3].equals(className)) {
                    return Long.parseLong(fields[1]);
                }
            }
            return 0;
        } catch (JMException | RuntimeException e) {
            return -1;
        }
    }

    private static int serializedSize(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            return -1;
        }
        return bytes.size();
    }
}
