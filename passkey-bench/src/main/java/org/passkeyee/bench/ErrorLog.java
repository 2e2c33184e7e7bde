package org.passkeyee.bench;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints every error as it happens (never hides one), counts them, and tallies them by kind
 * (phase, step and status, e.g. {@code measure: api/me: HTTP 403}) for the report.
 */
final class ErrorLog {

    private static final Pattern STATUS = Pattern.compile("^(.{0,60}?HTTP \\d+)(?: \\{\"error\":\"([a-z_]+)\")?");
    private static final Pattern EXCEPTION = Pattern.compile("^(.{0,60}?exception [\\w.$]+)");

    private final PrintStream out;
    private final AtomicInteger count = new AtomicInteger();
    private final Map<String, Integer> kinds = new TreeMap<>();

    ErrorLog(PrintStream out) {
        this.out = out;
    }

    void report(String phase, String who, String what) {
        int n = count.incrementAndGet();
        synchronized (this) {
            kinds.merge(phase + ": " + kind(what), 1, Integer::sum);
        }
        synchronized (out) {
            out.println("ERROR #" + n + " [" + phase + "] " + who + ": " + what);
        }
    }

    /** What kind of error: the text up to the status and error code, or the exception class. */
    static String kind(String what) {
        Matcher status = STATUS.matcher(what);
        if (status.find()) {
            return status.group(1) + (status.group(2) == null ? "" : " " + status.group(2));
        }
        Matcher exception = EXCEPTION.matcher(what);
        if (exception.find()) {
            return exception.group(1);
        }
        return what.length() <= 60 ? what : what.substring(0, 60) + "...";
    }

    int count() {
        return count.get();
    }

    /** Errors by kind, e.g. {@code "measure: api/me: HTTP 403" -> 12}. */
    synchronized Map<String, Integer> byKind() {
        return new TreeMap<>(kinds);
    }
}
