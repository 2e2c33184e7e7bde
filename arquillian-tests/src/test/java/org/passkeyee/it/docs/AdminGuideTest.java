package org.passkeyee.it.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The admin guide ({@code docs/admin-guide.md}) promises that every command it shows comes from a
 * file the build runs: the server scripts of {@code src/test/servers}, the containers of
 * {@code arquillian.xml}, and {@code run-sample-app.sh}. This keeps the promise: every line of
 * every code block of the guide appears, as it is, in one of those files.
 */
class AdminGuideTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path GUIDE = MODULE.resolveSibling("docs").resolve("admin-guide.md");

    @Test
    void everyCommandOfTheGuideIsInAFileTheBuildRuns() throws IOException {
        Set<String> runLines = linesOfFilesTheBuildRuns();
        List<String> commands = codeBlockLines(Files.readAllLines(GUIDE));
        assertFalse(commands.isEmpty(), "no code blocks in " + GUIDE);

        List<String> missing = commands.stream().filter(line -> !runLines.contains(line)).toList();

        assertTrue(missing.isEmpty(), () -> "lines of " + GUIDE + " that no file the build runs contains:\n"
                + String.join("\n", missing));
    }

    private static Set<String> linesOfFilesTheBuildRuns() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> scripts = Files.walk(MODULE.resolve("src/test/servers"))) {
            scripts.filter(Files::isRegularFile).forEach(files::add);
        }
        files.add(MODULE.resolve("src/test/resources/arquillian.xml"));
        files.add(MODULE.resolveSibling("run-sample-app.sh"));
        return files.stream()
                .flatMap(AdminGuideTest::lines)
                .map(AdminGuideTest::withoutXmlProperty)
                .map(String::strip)
                .collect(Collectors.toSet());
    }

    /** The lines inside the guide's fenced code blocks, stripped, blank lines left out. */
    private static List<String> codeBlockLines(List<String> guide) {
        List<String> lines = new ArrayList<>();
        boolean inBlock = false;
        for (String line : guide) {
            if (line.strip().startsWith("```")) {
                inBlock = !inBlock;
            } else if (inBlock && !line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    /** An arquillian.xml property line is quoted by its value. */
    private static String withoutXmlProperty(String line) {
        return line.replaceFirst("^\\s*<property name=\"[^\"]+\">(.*)</property>\\s*$", "$1");
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
