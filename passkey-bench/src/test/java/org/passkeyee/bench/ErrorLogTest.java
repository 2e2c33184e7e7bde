package org.passkeyee.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorLogTest {

    @Test
    void errorsThenPrintedEachAndTalliedByStepStatusAndCode() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ErrorLog errors = new ErrorLog(new PrintStream(printed, true, StandardCharsets.UTF_8));
        errors.report("measure", "bench-1", "api/me: HTTP 403 <!DOCTYPE html><html>...");
        errors.report("measure", "bench-2", "api/me: HTTP 403 <!DOCTYPE html><html>...");
        errors.report("measure", "bench-3", "login: HTTP 401 {\"error\":\"signature_counter_regressed\",\"message\":\"...\"}");
        errors.report("cost", "GET /api/me", "HTTP 503 {\"error\":\"store_unavailable\"}");
        errors.report("flood", "anonymous", "exception java.net.SocketTimeoutException: Read timed out");

        assertEquals(5, errors.count());
        assertEquals(5, printed.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("ERROR #")).count());
        assertEquals(Map.of(
                "measure: api/me: HTTP 403", 2,
                "measure: login: HTTP 401 signature_counter_regressed", 1,
                "cost: HTTP 503 store_unavailable", 1,
                "flood: exception java.net.SocketTimeoutException", 1), errors.byKind());
    }
}
