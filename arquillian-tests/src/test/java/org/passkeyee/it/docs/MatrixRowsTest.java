package org.passkeyee.it.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The rows of the test matrix are declared once, in {@code scripts/matrix-rows}, which
 * {@code run-tests.sh} and {@code scripts/matrix-summary.sh} read. The build cannot read it (Maven
 * declares each row as a Failsafe execution), nor can the documentation: this checks that they
 * say the same.
 */
class MatrixRowsTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path ROOT = MODULE.getParent();
    private static final Set<String> NEEDS = Set.of("postgresql", "mariadb", "jdk21");

    @Test
    void everyRowNamesOnlyKnownNeeds() throws IOException {
        for (String line : rowLines()) {
            String[] fields = line.split("\\|", -1);
            assertEquals(4, fields.length, () -> "id|server|database|needs: " + line);
            for (String need : fields[3].split(" ")) {
                assertTrue(need.isEmpty() || NEEDS.contains(need), () -> "unknown need " + need + " in " + line);
            }
        }
    }

    @Test
    void buildRunsExactlyTheDeclaredRowsEachWithASkipProperty() throws IOException {
        String pom = Files.readString(MODULE.resolve("pom.xml"));

        assertEquals(rows(), new TreeSet<>(all(pom, "<reportsDirectory>\\$\\{matrix\\.reports\\}/([a-z0-9-]+)</reportsDirectory>")),
                "rows with Failsafe reports in pom.xml");
        for (String row : rows()) {
            assertTrue(pom.contains("<skip.%s>${skipITs}</skip.%s>".formatted(row, row)), () -> "no skip." + row + " in pom.xml");
            assertTrue(pom.contains("<skip>${skip.%s}</skip>".formatted(row)), () -> "nothing skipped by skip." + row);
        }
    }

    @Test
    void readmeAndAdminGuideListEveryRow() throws IOException {
        for (Path doc : List.of(ROOT.resolve("README.md"), ROOT.resolve("docs/admin-guide.md"))) {
            Set<String> listed = new TreeSet<>(all(Files.readString(doc), "(?m)^\\| `([a-z0-9-]+)` \\|"));
            listed.retainAll(rows()); // the first column of other tables too (modules, properties)

            assertEquals(rows(), listed, () -> "rows in the table of " + doc);
        }
    }

    private static Set<String> rows() throws IOException {
        Set<String> rows = new TreeSet<>();
        for (String line : rowLines()) {
            rows.add(line.substring(0, line.indexOf('|')));
        }
        assertFalse(rows.isEmpty(), "no rows in scripts/matrix-rows");
        return rows;
    }

    private static List<String> rowLines() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(ROOT.resolve("scripts/matrix-rows"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static Set<String> all(String text, String regex) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = Pattern.compile(regex).matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
