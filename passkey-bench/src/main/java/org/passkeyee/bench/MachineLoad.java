package org.passkeyee.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the machine's CPU went during a measurement, from Linux's {@code /proc}: the server
 * process, this (client) process, and everything else (other people's builds and servers on a
 * shared machine). Also the load averages, as {@code uptime} prints them. Times are in clock
 * ticks ({@code USER_HZ}, 100 per second on Linux).
 */
final class MachineLoad {

    static final double TICKS_PER_SECOND = 100;

    private MachineLoad() {
    }

    /** The load averages (1, 5, 15 minutes), as {@code uptime} shows them. */
    static String loadAverages() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** CPU ticks at one instant. */
    record Snapshot(long nanoTime, long serverTicks, long clientTicks, long machineBusyTicks, long machineTotalTicks) {

        static Snapshot take(long serverPid) {
            long[] machine = machineTicks();
            return new Snapshot(System.nanoTime(), processTicks(serverPid), processTicks(ProcessHandle.current().pid()),
                    machine[0], machine[1]);
        }

        /** What happened between {@code earlier} and this snapshot. */
        Usage since(Snapshot earlier) {
            double seconds = (nanoTime - earlier.nanoTime) / 1e9;
            double total = Math.max(1, machineTotalTicks - earlier.machineTotalTicks);
            double server = serverTicks - earlier.serverTicks;
            double client = clientTicks - earlier.clientTicks;
            double busy = machineBusyTicks - earlier.machineBusyTicks;
            return new Usage(seconds, server / TICKS_PER_SECOND, client / TICKS_PER_SECOND, server / total,
                    client / total, Math.max(0, busy - server - client) / total, busy / total);
        }
    }

    /**
     * CPU use over an interval: seconds of CPU of the server and the client, and shares of all
     * the machine's CPU time (1.0 = every core busy all the time).
     */
    record Usage(double seconds, double serverCpuSeconds, double clientCpuSeconds, double serverShare,
                 double clientShare, double othersShare, double busyShare) {

        String describe() {
            return String.format(Locale.ROOT, "machine busy %.0f%% (server %.0f%%, load generator %.0f%%, other processes %.0f%%)",
                    busyShare * 100, serverShare * 100, clientShare * 100, othersShare * 100);
        }
    }

    /** utime + stime of a process, in ticks; 0 if unknown. */
    static long processTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // The command name (field 2) may hold spaces; count fields after its closing parenthesis.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split("\\s+");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** {busy, total} ticks of all CPUs: the first line of /proc/stat. */
    private static long[] machineTicks() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] fields = first.trim().split("\\s+");
            long total = 0;
            long idle = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                long value = Long.parseLong(fields[i]);
                total += value;
                if (i == 4 || i == 5) { // idle, iowait
                    idle += value;
                }
            }
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 1};
        }
    }
}
