package org.passkeyee.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What pending ceremonies cost in memory, measured from outside the core: the session attributes
 * a real session holds (through the test-support session probe), and the server's heap (through
 * {@code jcmd}, whose class histogram forces a full collection first) before a flood of abandoned
 * anonymous ceremonies, right after it, and once the sessions have expired.
 */
final class SessionMemory {

    /** {@code SessionProbeServlet.PATH} of passkey-test-support (not loaded here: it needs the Servlet API). */
    private static final String SESSION_PROBE = "/test-support/sessions";
    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("Total\\s+(\\d+)\\s+(\\d+)");

    private final int port;
    private final String context;
    private final Path javaHome;
    private final long serverPid;

    SessionMemory(int port, String context, Path javaHome, long serverPid) {
        this.port = port;
        this.context = context;
        this.javaHome = javaHome;
        this.serverPid = serverPid;
    }

    /** The probe's description of the session after {@code request}, e.g. usernameless options. */
    JsonNode sessionAfter(String path, ObjectNode body) throws IOException {
        try (Browser browser = new Browser(port)) {
            Browser.Response response = browser.postJson(context + path, body);
            if (response.status() != 200) {
                throw new IOException(path + ": " + response);
            }
            return browser.get(context + SESSION_PROBE + "?mine").json();
        }
    }

    /** The probe's description of a signed-in session (no pending ceremony left). */
    JsonNode sessionOf(Browser signedIn) throws IOException {
        return signedIn.get(context + SESSION_PROBE + "?mine").json();
    }

    /** Live sessions of the application, per the probe's listener. */
    long liveSessions() throws IOException {
        try (Browser browser = new Browser(port)) {
            return browser.get(context + SESSION_PROBE).json().path("live").asLong();
        }
    }

    /** Heap after a full collection, with the instance counts of the classes named. */
    record Heap(long liveBytes, long liveObjects, Map<String, long[]> classes) {

        long instances(String className) {
            long[] found = classes.get(className);
            return found == null ? 0 : found[0];
        }

        long bytes(String className) {
            long[] found = classes.get(className);
            return found == null ? 0 : found[1];
        }

        /** The classes whose live bytes grew most from {@code earlier} to this heap: name to {instances, bytes} growth. */
        Map<String, long[]> growthSince(Heap earlier, int top) {
            Map<String, long[]> growth = new LinkedHashMap<>();
            classes.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), new long[] {e.getValue()[0] - earlier.instances(e.getKey()),
                            e.getValue()[1] - earlier.bytes(e.getKey())}))
                    .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                    .limit(top)
                    .forEach(e -> growth.put(e.getKey(), e.getValue()));
            return growth;
        }
    }

    /** {@code jcmd <pid> GC.class_histogram}: a full GC, then live objects by class. */
    Heap heap() throws IOException, InterruptedException {
        String histogram = Jcmd.run(javaHome, serverPid, "GC.class_histogram");
        Matcher total = HISTOGRAM_TOTAL.matcher(histogram);
        if (!total.find()) {
            throw new IOException("unexpected jcmd output: " + histogram.substring(0, Math.min(500, histogram.length())));
        }
        Map<String, long[]> classes = new LinkedHashMap<>();
        for (String line : histogram.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            // "  12:   3456   78901  org.example.Type (module@version)"
            if (fields.length >= 4 && fields[0].endsWith(":")) {
                classes.put(fields[3], new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[2])});
            }
        }
        return new Heap(Long.parseLong(total.group(2)), Long.parseLong(total.group(1)), classes);
    }

    /** Posts {@code count} anonymous usernameless options requests, each from a new browser (a new session). */
    double flood(int count, int clients, ErrorLog errors) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread worker = new Thread(() -> {
                try (Browser browser = new Browser(port)) {
                    while (next.getAndIncrement() < count) {
                        browser.clearCookies();
                        Browser.Response response = browser.postJson(context + "/passkey/login/options", body);
                        if (response.status() != 200) {
                            errors.report("flood", "anonymous", response.toString());
                        }
                    }
                } catch (IOException e) {
                    errors.report("flood", "anonymous", e.toString());
                }
            }, "flood-" + c);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    /** Polls until at most {@code target} sessions live, or the time is up; the live count at the end. */
    long awaitSessionsAtMost(long target, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long live = liveSessions();
        while (live > target && System.nanoTime() < deadline) {
            Thread.sleep(2_000);
            live = liveSessions();
        }
        return live;
    }
}
