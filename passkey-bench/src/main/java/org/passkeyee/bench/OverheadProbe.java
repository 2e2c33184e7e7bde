package org.passkeyee.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The cost of the mechanism on an ordinary request: the same small JSON resource (who is the
 * caller, which roles) asked for in four ways, one after the other in rounds, so that the
 * machine's noise hits every variant alike:
 * <ol>
 *   <li>{@code protected}: the sample's {@code GET /api/me}, signed in (mechanism, session, role constraint);</li>
 *   <li>{@code unprotected, signed in}: its twin without a constraint, same session (the mechanism still runs);</li>
 *   <li>{@code unprotected, anonymous}: the twin without a session (the mechanism does nothing);</li>
 *   <li>{@code no mechanism}: the twin in a WAR without the passkey module (the container alone).</li>
 * </ol>
 * One client, one keep-alive connection per variant, so it measures latency, not throughput.
 */
final class OverheadProbe {

    /** A way to ask. */
    record Variant(String name, Browser browser, String path) {
    }

    /** The latencies of one variant. */
    record Measured(String name, String path, Latencies.Summary latency) {
    }

    private OverheadProbe() {
    }

    static List<Measured> run(List<Variant> variants, int warmupRounds, int rounds, ErrorLog errors) throws IOException {
        for (int i = 0; i < warmupRounds; i++) {
            for (Variant variant : variants) {
                check(variant, variant.browser().get(variant.path()), errors);
            }
        }
        long[][] nanos = new long[variants.size()][rounds];
        for (int i = 0; i < rounds; i++) {
            for (int v = 0; v < variants.size(); v++) {
                Variant variant = variants.get(v);
                long start = System.nanoTime();
                Browser.Response response = variant.browser().get(variant.path());
                nanos[v][i] = System.nanoTime() - start;
                check(variant, response, errors);
            }
        }
        List<Measured> measured = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) {
            measured.add(new Measured(variants.get(v).name(), variants.get(v).path(), Latencies.Summary.of(nanos[v])));
        }
        return measured;
    }

    private static void check(Variant variant, Browser.Response response, ErrorLog errors) {
        if (response.status() != 200) {
            errors.report("overhead", variant.name(), response.toString());
        }
    }
}
