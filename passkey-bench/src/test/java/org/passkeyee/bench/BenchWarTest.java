package org.passkeyee.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchWarTest {

    @TempDir
    Path dir;

    @Test
    void copyWithProbesThenOriginalEntriesKeptProbesAddedSourceUnchanged() throws IOException {
        Path source = dir.resolve("app.war");
        byte[] library = zip(Map.of("META-INF/sql/schema.sql", "CREATE TABLE T (X INT);"));
        writeZip(source, Map.of("WEB-INF/web.xml", "<web-app/>".getBytes(StandardCharsets.UTF_8),
                "WEB-INF/lib/store-1.0.jar", library));
        byte[] before = Files.readAllBytes(source);
        Path copy = dir.resolve("copy.war");

        BenchWar.copyWith(source, copy, BenchWar.PROBES, Map.of("WEB-INF/extra.txt", new byte[] {1}));

        assertArrayEquals(before, Files.readAllBytes(source));
        Set<String> names = names(copy);
        assertTrue(names.contains("WEB-INF/web.xml"));
        assertTrue(names.contains("WEB-INF/extra.txt"));
        for (String probe : BenchWar.PROBES) {
            assertTrue(names.contains("WEB-INF/classes/" + probe), probe);
        }
        assertEquals("CREATE TABLE T (X INT);", new String(
                BenchWar.nested(copy, "WEB-INF/lib/store-", "META-INF/sql/schema.sql"), StandardCharsets.UTF_8));
    }

    private static Set<String> names(Path zip) throws IOException {
        Set<String> names = new TreeSet<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            file.stream().forEach(entry -> names.add(entry.getName()));
        }
        return names;
    }

    private static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void writeZip(Path path, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(path))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
    }
}
