package org.passkeyee.bench.server;

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
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Collections;

/**
 * BENCHMARK PROBE: {@code GET /bench/session} describes the caller's HTTP session without changing
 * it: for each attribute its class and its size serialized with {@link ObjectOutputStream} (what a
 * replicated or persisted session carries), and the session's inactive interval;
 * {@code {"session": null}} when there is none. {@code GET /bench/session?count} answers the
 * number of live sessions instead (see {@link LiveSessions}).
 */
@WebServlet("/bench/session")
public class SessionProbeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonObjectBuilder answer = Json.createObjectBuilder();
        if (request.getParameter("count") != null) {
            long created = LiveSessions.CREATED.get();
            long destroyed = LiveSessions.DESTROYED.get();
            answer.add("created", created).add("destroyed", destroyed).add("live", created - destroyed);
        } else {
            HttpSession session = request.getSession(false);
            if (session == null) {
                answer.addNull("session");
            } else {
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
                answer.add("session", Json.createObjectBuilder()
                        .add("maxInactiveInterval", session.getMaxInactiveInterval())
                        .add("attributes", attributes)
                        .add("serializedBytes", total));
            }
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(answer.build().toString());
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
