package org.passkeyee.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Builds the WARs the benchmark deploys, with the JDK's zip streams: the sample WAR is copied
 * (never changed on disk) with the benchmark's probe classes added, and a plain WAR holds only
 * the unprotected twin servlet, without the passkey module.
 *
 * <p>The probe classes are copied as class-file resources, by name: this process does not have
 * the Servlet API on its class path, so it must not load them.
 */
final class BenchWar {

    /** The probes added to the sample WAR. */
    static final String[] PROBES = {
        "org/passkeyee/bench/server/OpenMeServlet.class",
        "org/passkeyee/testsupport/server/SessionProbeServlet.class",
        "org/passkeyee/testsupport/server/LiveSessionCounter.class",
    };

    /** The twin servlet, alone in the plain WAR. */
    static final String[] TWIN = {"org/passkeyee/bench/server/OpenMeServlet.class"};

    /** The twin servlet with Jakarta Security's own Basic mechanism switched on. */
    static final String[] TWIN_WITH_BASIC = {
        "org/passkeyee/bench/server/OpenMeServlet.class",
        "org/passkeyee/bench/server/BasicSecuredApplication.class",
    };

    private BenchWar() {
    }

    /**
     * Writes {@code target}: every entry of {@code source}, the class files {@code classResources}
     * under {@code WEB-INF/classes/}, and {@code extra} entries (which replace same-named ones).
     */
    static void copyWith(Path source, Path target, String[] classResources, Map<String, byte[]> extra) {
        Map<String, byte[]> added = new LinkedHashMap<>();
        for (String resource : classResources) {
            added.put("WEB-INF/classes/" + resource, classFile(resource));
        }
        added.putAll(extra);
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(source));
                 ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    if (added.containsKey(entry.getName())) {
                        continue;
                    }
                    ZipEntry copy = new ZipEntry(entry.getName());
                    copy.setTime(entry.getTime());
                    out.putNextEntry(copy);
                    in.transferTo(out);
                    out.closeEntry();
                }
                write(out, added);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build " + target + " from " + source, e);
        }
    }

    /** Writes a WAR holding only {@code classResources} (Servlet 6: no web.xml needed). */
    static void plain(Path target, String[] classResources) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        for (String resource : classResources) {
            entries.put("WEB-INF/classes/" + resource, classFile(resource));
        }
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
                write(out, entries);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    /**
     * An entry of a JAR inside the WAR, e.g. the DDL script of the JPA store:
     * {@code nested(war, "WEB-INF/lib/passkey-persistence-", "META-INF/sql/passkey-postgresql.sql")}.
     */
    static byte[] nested(Path war, String jarPrefix, String entryName) {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(war))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().startsWith(jarPrefix) && entry.getName().endsWith(".jar")) {
                    byte[] found = entry(in.readAllBytes(), entryName);
                    if (found != null) {
                        return found;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + war, e);
        }
        throw new IllegalStateException("No " + entryName + " in a " + jarPrefix + "*.jar of " + war);
    }

    private static byte[] entry(byte[] jar, String entryName) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(entryName)) {
                    return in.readAllBytes();
                }
            }
        }
        return null;
    }

    private static void write(ZipOutputStream out, Map<String, byte[]> entries) throws IOException {
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            out.putNextEntry(new ZipEntry(entry.getKey()));
            out.write(entry.getValue());
            out.closeEntry();
        }
    }

    private static byte[] classFile(String resource) {
        try (InputStream in = BenchWar.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No class file " + resource + " on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
