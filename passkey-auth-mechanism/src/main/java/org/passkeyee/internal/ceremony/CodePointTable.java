package org.passkeyee.internal.ceremony;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a table of the name policy that {@code NameTablesTest} generated from ICU4J: one line per
 * code point, in hex, followed by the code points it maps to, in hex; {@code #} starts a comment.
 */
final class CodePointTable {

    private CodePointTable() {
    }

    /** The table in the resource of this name next to this class. */
    static Map<Integer, String> read(String resource) {
        Map<Integer, String> table = new HashMap<>();
        try (InputStream in = CodePointTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The name policy's table " + resource + " is missing from the module");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] hex = line.strip().split(" +");
                    StringBuilder to = new StringBuilder();
                    for (int i = 1; i < hex.length; i++) {
                        to.appendCodePoint(Integer.parseInt(hex[i], 16));
                    }
                    table.put(Integer.parseInt(hex[0], 16), to.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The name policy's table " + resource + " is unreadable", e);
        }
        return Map.copyOf(table);
    }
}
