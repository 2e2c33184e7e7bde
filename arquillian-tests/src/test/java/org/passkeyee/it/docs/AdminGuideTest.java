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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The admin guide ({@code docs/admin-guide.md}) promises that every command it shows comes from a
 * file the build runs: the server scripts of {@code src/test/servers}, the containers of
 * {@code arquillian.xml}, and {@code run-sample-app.sh}. This keeps the promise: every line of
 * every code block of the guide appears, as it is, in one of those files. And the other way
 * round for Payara Server, whose domains the build sets up with scripts alone: its section shows
 * every command of every script the build runs on a domain.
 */
class AdminGuideTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path GUIDE = MODULE.resolveSibling("docs").resolve("admin-guide.md");
    private static final Pattern HEADING = Pattern.compile("(#+) ");

    @Test
    void everyCommandOfTheGuideIsInAFileTheBuildRuns() throws IOException {
        Set<String> runLines = linesOfFilesTheBuildRuns();
        List<String> commands = codeBlockLines(Files.readAllLines(GUIDE));
        assertFalse(commands.isEmpty(), "no code blocks in " + GUIDE);

        List<String> missing = commands.stream().filter(line -> !runLines.contains(line)).toList();

        assertTrue(missing.isEmpty(), () -> "lines of " + GUIDE + " that no file the build runs contains:\n"
                + String.join("\n", missing));
    }

    @Test
    void payaraServerSectionShowsEveryCommandTheBuildRunsOnADomain() throws IOException {
        List<String> guide = Files.readAllLines(GUIDE);
        Set<String> shown = Set.copyOf(codeBlockLines(section(guide, "## Payara Server")));
        List<String> commands = new ArrayList<>();
        try (Stream<Path> scripts = Files.list(MODULE.resolve("src/test/servers/payara-server"))) {
            scripts.sorted().flatMap(AdminGuideTest::lines).forEach(commands::add);
        }
        // The pool commands of Payara Micro's post-boot file, which the build runs on the domain too (pom.xml).
        lines(MODULE.resolve("src/test/servers/payara/passkey-postgresql.asadmin"))
                .filter(line -> !line.contains("create-system-properties")).forEach(commands::add);
        commands.replaceAll(String::strip);
        commands.removeIf(line -> line.isEmpty() || line.startsWith("#"));
        assertFalse(commands.isEmpty(), "no Payara Server scripts");

        List<String> missing = commands.stream().filter(line -> !shown.contains(line)).toList();

        assertTrue(missing.isEmpty(), () -> "commands the build runs on Payara Server that the guide's Payara Server "
                + "section does not show:\n" + String.join("\n", missing));
    }

    /** The lines from the heading {@code heading} to the next heading of its level or above. */
    private static List<String> section(List<String> guide, String heading) {
        int start = guide.indexOf(heading);
        assertTrue(start >= 0, () -> "no section " + heading + " in " + GUIDE);
        int level = headingLevel(heading);
        boolean inBlock = false;
        for (int i = start + 1; i < guide.size(); i++) {
            String line = guide.get(i);
            if (line.strip().startsWith("```")) {
                inBlock = !inBlock;
            } else if (!inBlock && headingLevel(line) > 0 && headingLevel(line) <= level) {
                return guide.subList(start, i);
            }
        }
        return guide.subList(start, guide.size());
    }

    /** 2 for {@code ## Heading}; 0 for a line that is no heading. */
    private static int headingLevel(String line) {
        Matcher heading = HEADING.matcher(line);
        return heading.lookingAt() ? heading.group(1).length() : 0;
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
