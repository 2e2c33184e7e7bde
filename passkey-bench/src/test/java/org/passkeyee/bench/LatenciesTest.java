package org.passkeyee.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void summaryOfOneToHundredMillisecondsThenNearestRankPercentiles() {
        Latencies latencies = new Latencies(100);
        for (int ms = 100; ms >= 1; ms--) {
            assertTrue(latencies.record(ms * 1_000_000L));
        }
        Latencies.Summary summary = latencies.summary();
        assertEquals(100, summary.count());
        assertEquals(50.5, summary.mean(), 1e-9);
        assertEquals(50, summary.p50(), 1e-9);
        assertEquals(90, summary.p90(), 1e-9);
        assertEquals(99, summary.p99(), 1e-9);
        assertEquals(100, summary.max(), 1e-9);
    }

    @Test
    void recordBeyondCapacityThenRefusedAndNotCounted() {
        Latencies latencies = new Latencies(2);
        assertTrue(latencies.record(1));
        assertTrue(latencies.record(2));
        assertFalse(latencies.record(3));
        assertEquals(2, latencies.count());
    }
}
