package org.passkeyee.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where a server's Java threads spent their time while it was recorded with Java Flight Recorder:
 * its execution samples, each counted for the innermost frame that belongs to a known component
 * (JDK code counts for the component that called it, except cryptography, which counts for
 * itself). The recording is read by the server's own JDK ({@code jfr print}), whose format the
 * load generator's JDK may not know. GC and JIT threads are not Java threads: their CPU is in the
 * server's CPU per ceremony, not in these shares.
 */
final class ServerProfile {

    /** A component and the class-name prefixes of its frames. */
    private record Component(String name, List<String> prefixes) {

        boolean owns(String frame) {
            return prefixes.stream().anyMatch(frame::startsWith);
        }
    }

    /** In order: the first component that owns a frame gets it. */
    private static final List<Component> COMPONENTS = List.of(
            new Component("ES256 and other cryptography", List.of("sun.security.", "java.math.", "java.security.",
                    "javax.crypto.", "com.sun.crypto.")),
            new Component("passkey module (ours)", List.of("org.passkeyee.")),
            new Component("Yubico webauthn-server-core", List.of("com.yubico.")),
            new Component("Jackson", List.of("com.fasterxml.jackson.", "tools.jackson.")),
            new Component("H2 database", List.of("org.h2.")),
            new Component("connection pool", List.of("com.sun.gjc.", "com.sun.enterprise.resource.",
                    "com.sun.enterprise.connectors.", "org.jboss.jca.", "io.agroal.", "com.zaxxer.")),
            new Component("JPA and transactions", List.of("org.eclipse.persistence.", "org.hibernate.",
                    "com.sun.enterprise.transaction.", "com.arjuna.", "org.jboss.tm.", "org.wildfly.transaction.")),
            new Component("logging", List.of("java.util.logging.", "fish.payara.logging.", "com.sun.enterprise.server.logging.",
                    "org.jboss.logmanager.", "org.jboss.logging.", "ch.qos.logback.", "org.slf4j.", "org.apache.logging.")),
            new Component("HTTP sessions", List.of("org.apache.catalina.session.", "io.undertow.server.session.",
                    "io.undertow.servlet.spec.HttpSessionImpl", "com.hazelcast.")),
            new Component("Jakarta Security (Soteria)", List.of("org.glassfish.soteria.")),
            new Component("container security (JASPIC, JACC, realms)", List.of("com.sun.enterprise.security.",
                    "com.sun.web.security.", "org.glassfish.exousia.", "fish.payara.security.", "org.wildfly.security.",
                    "org.wildfly.elytron.", "io.undertow.security.", "io.undertow.servlet.handlers.security.",
                    "org.apache.catalina.authenticator.", "org.apache.catalina.realm.", "org.glassfish.epicyro.",
                    "org.omnifaces.")),
            new Component("Spring Security", List.of("org.springframework.security.")),
            new Component("Spring", List.of("org.springframework.")),
            new Component("CDI (Weld)", List.of("org.jboss.weld.", "org.glassfish.weld.")),
            new Component("HTTP server and servlet container", List.of("org.glassfish.grizzly.", "org.apache.catalina.",
                    "org.apache.coyote.", "org.apache.tomcat.", "io.undertow.", "org.xnio.", "org.wildfly.extension.undertow.",
                    "org.glassfish.web.", "com.sun.enterprise.web.", "org.jboss.threads.")),
            new Component("rest of the application server", List.of("org.glassfish.", "com.sun.enterprise.", "fish.payara.",
                    "org.jvnet.", "org.jboss.", "org.wildfly.")));
    private static final String OTHER = "other (JDK only)";

    private ServerProfile() {
    }

    /** Component name → share of the execution samples, largest first; {@code samples} → their number. */
    static Map<String, Double> of(Path javaHome, Path recording) throws IOException, InterruptedException {
        Process print = new ProcessBuilder(javaHome.resolve("bin").resolve("jfr").toString(), "print", "--events",
                "jdk.ExecutionSample", "--stack-depth", "256", recording.toString()).redirectErrorStream(true).start();
        Map<String, Integer> counts = new LinkedHashMap<>();
        int samples = 0;
        List<String> frames = null;
        try (var lines = print.inputReader(StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String trimmed = line.trim();
                if (trimmed.startsWith("stackTrace = [")) {
                    frames = new ArrayList<>();
                } else if (frames != null && trimmed.startsWith("]")) {
                    counts.merge(componentOf(frames), 1, Integer::sum);
                    samples++;
                    frames = null;
                } else if (frames != null) {
                    frames.add(trimmed);
                }
            }
        }
        if (!print.waitFor(5, TimeUnit.MINUTES) || print.exitValue() != 0) {
            throw new IOException("jfr print failed on " + recording);
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        int total = samples;
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> shares.put(e.getKey(), e.getValue() / (double) Math.max(1, total)));
        shares.put("samples", (double) samples);
        return shares;
    }

    static String componentOf(List<String> frames) {
        for (String frame : frames) {
            for (Component component : COMPONENTS) {
                if (component.owns(frame)) {
                    return component.name();
                }
            }
        }
        return OTHER;
    }

    /** The shares of several servers side by side: one row per component, one column per server. */
    static void report(Report report, List<String> labels, List<Map<String, Double>> profiles) {
        List<String> components = new ArrayList<>();
        COMPONENTS.forEach(c -> components.add(c.name()));
        components.add(OTHER);
        List<List<String>> rows = new ArrayList<>();
        for (String component : components) {
            if (profiles.stream().allMatch(p -> p.getOrDefault(component, 0.0) < 0.0005)) {
                continue;
            }
            List<String> row = new ArrayList<>();
            row.add(component);
            profiles.forEach(p -> row.add(Report.f1(p.getOrDefault(component, 0.0) * 100) + "%"));
            rows.add(row);
        }
        List<String> samples = new ArrayList<>();
        samples.add("execution samples");
        profiles.forEach(p -> samples.add(Report.f0(p.get("samples"))));
        rows.add(samples);
        List<String> header = new ArrayList<>();
        header.add("component (innermost frame)");
        header.addAll(labels);
        report.table(header, rows);
    }
}
