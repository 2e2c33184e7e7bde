package org.passkeyee.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Latencies in nanoseconds, recorded by many threads into one array of fixed size: the
 * benchmark's memory is bounded by its request bound. Recordings past the capacity are counted
 * but dropped.
 */
final class Latencies {

    private final long[] nanos;
    private final AtomicInteger next = new AtomicInteger();

    Latencies(int capacity) {
        this.nanos = new long[capacity];
    }

    /** Records one latency; {@code false} once the capacity is used up. */
    boolean record(long latencyNanos) {
        int slot = next.getAndIncrement();
        if (slot >= nanos.length) {
            return false;
        }
        nanos[slot] = latencyNanos;
        return true;
    }

    int count() {
        return Math.min(next.get(), nanos.length);
    }

    /** A summary of what was recorded (call once the recording threads are done). */
    Summary summary() {
        return Summary.of(Arrays.copyOf(nanos, count()));
    }

    /** Count, mean and percentiles, in milliseconds. */
    record Summary(int count, double mean, double p50, double p90, double p99, double max) {

        static Summary of(long[] nanos) {
            if (nanos.length == 0) {
                return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            double sum = 0;
            for (long value : sorted) {
                sum += value;
            }
            return new Summary(sorted.length, sum / sorted.length / 1e6, percentile(sorted, 50), percentile(sorted, 90),
                    percentile(sorted, 99), sorted[sorted.length - 1] / 1e6);
        }

        /** Nearest-rank percentile, in milliseconds. */
        static double percentile(long[] sorted, double percent) {
            int rank = (int) Math.ceil(percent / 100 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
        }
    }
}
