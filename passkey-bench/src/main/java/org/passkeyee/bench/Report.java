package org.passkeyee.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The figures, as Markdown: printed as they come and kept in {@code <results>/<label>.md}, so
 * that {@code docs/performance.md} quotes what one command printed.
 */
final class Report {

    private final Path file;
    private final StringBuilder text = new StringBuilder();

    Report(Path file) {
        this.file = file;
    }

    Report heading(String heading) {
        return raw("\n" + heading + "\n");
    }

    Report line(String format, Object... args) {
        return raw(String.format(Locale.ROOT, format, args));
    }

    Report table(List<String> header, List<List<String>> rows) {
        raw("");
        raw("| " + String.join(" | ", header) + " |");
        raw("|" + "---|".repeat(header.size()));
        for (List<String> row : rows) {
            raw("| " + String.join(" | ", row) + " |");
        }
        return raw("");
    }

    /** The machine and the JDK, and the time and load now. */
    Report environment() {
        line("- when: %s; load average (1, 5, 15 min) `%s`", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS),
                MachineLoad.loadAverages());
        line("- machine: %d cores (%s), %s RAM; shared with other people's builds and servers",
                Runtime.getRuntime().availableProcessors(), cpuModel(), memory());
        line("- JDK (server and load generator): %s %s", System.getProperty("java.vm.vendor"),
                System.getProperty("java.runtime.version"));
        return this;
    }

    private Report raw(String line) {
        synchronized (System.out) {
            System.out.println(line);
        }
        text.append(line).append('\n');
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    static String f0(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    static String f1(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String f2(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal"))
                    .map(l -> Math.round(Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0) + " GiB")
                    .findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
