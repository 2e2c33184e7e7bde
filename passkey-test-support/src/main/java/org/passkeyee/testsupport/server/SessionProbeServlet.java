package org.passkeyee.testsupport.server;

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
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * TEST-ONLY servlet, deployed by the tests and the benchmark into the WAR under test, at
 * {@link #PATH}:
 * <ul>
 * <li>{@code GET ?mine} describes the caller's own session without changing it:
 *     {@code {"session": {"maxInactiveInterval", "serializedBytes", "attributes": {name:
 *     {"class", "serializedBytes", "textComponents"?}}}}}, each size written alone with
 *     {@link ObjectOutputStream} (what a replicated session carries), and for a record the UTF-8
 *     length of each {@code String} component; {@code {"session": null}} when there is none;</li>
 * <li>{@code GET ?instancesOf=CLASS} counts the live instances of a class after a full collection
 *     (from the JVM's class histogram): {@code {"instances"}}, -1 if unknown;</li>
 * <li>{@code GET} answers the sessions created, destroyed and live (from
 *     {@link LiveSessionCounter}); with {@code ?heap} also the heap in use after requested garbage
 *     collections, {@code "heapUsed"}.</li>
 * </ul>
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
                answer.add("session", describe(session));
            }
        } else {
            long created = LiveSessionCounter.CREATED.get();
            long destroyed = LiveSessionCounter.DESTROYED.get();
            answer.add("created", created).add("destroyed", destroyed).add("live", created - destroyed);
            if (request.getParameter("heap") != null) {
                Runtime runtime = Runtime.getRuntime();
                for (int i = 0; i < 3; i++) {
                    System.gc();
                }
                answer.add("heapUsed", runtime.totalMemory() - runtime.freeMemory());
            }
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(answer.build().toString());
    }

    private static JsonObjectBuilder describe(HttpSession session) {
        JsonObjectBuilder attributes = Json.createObjectBuilder();
        long total = 0;
        for (String name : Collections.list(session.getAttributeNames())) {
            Object value = session.getAttribute(name);
            int size = serializedSize(value);
            total += Math.max(size, 0);
            JsonObjectBuilder attribute = Json.createObjectBuilder()
                    .add("class", value == null ? "null" : value.getClass().getName())
                    .add("serializedBytes", size);
            if (value != null && value.getClass().isRecord()) {
                attribute.add("textComponents", textComponents(value));
            }
            attributes.add(name, attribute);
        }
        return Json.createObjectBuilder()
                .add("maxInactiveInterval", session.getMaxInactiveInterval())
                .add("attributes", attributes)
                .add("serializedBytes", total);
    }

    /** The UTF-8 length of each {@code String} component of a record (e.g. the pending ceremony's JSON). */
    private static JsonObjectBuilder textComponents(Object record) {
        JsonObjectBuilder lengths = Json.createObjectBuilder();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getType() == String.class) {
                try {
                    Method accessor = component.getAccessor();
                    accessor.setAccessible(true);
                    Object text = accessor.invoke(record);
                    lengths.add(component.getName(), text == null ? 0 : ((String) text).getBytes(StandardCharsets.UTF_8).length);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    lengths.add(component.getName(), -1);
                }
            }
        }
        return lengths;
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

    /** Bytes of {@code value} written alone to an {@link ObjectOutputStream}; -1 if it cannot be. */
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
