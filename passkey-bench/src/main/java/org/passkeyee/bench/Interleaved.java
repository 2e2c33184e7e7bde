package org.passkeyee.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An A/B measurement on a shared, noisy machine: several servers run at once, idle but one, and
 * the load goes to each in turn, in short slices and alternating order over several rounds, so
 * that whatever else the machine does at the time falls on every contender alike. Each is warmed
 * up first, one after the other.
 */
final class Interleaved {

    private static final Duration SETTLE = Duration.ofSeconds(5);

    private Interleaved() {
    }

    /** One server under comparison, with the callers registered on it. */
    record Contender(String label, ServerProcess server, SignInLoad load, List<SignInLoad.Caller> callers) {
    }

    /** What one contender did over all its slices. */
    record Outcome(String label, int ceremonies, double seconds, Latencies.Summary latency, int errors,
                   double serverCpuMillis, double othersShare, String loadFirst, String loadLast) {

        double perSecond() {
            return ceremonies / seconds;
        }
    }

    /** Warms every contender up, one after the other, then measures them in turn. */
    static List<Outcome> run(List<Contender> contenders, int clients, Duration warmup, int rounds, Duration slice,
                             int maxCeremonies) throws InterruptedException {
        warmUp(contenders, clients, warmup);
        return measure(contenders, clients, rounds, slice, maxCeremonies);
    }

    /** Loads each contender in turn for {@code warmup}, not measured. */
    static void warmUp(List<Contender> contenders, int clients, Duration warmup) throws InterruptedException {
        for (Contender contender : contenders) {
            contender.load().run(contender.callers(), clients, warmup, Duration.ZERO, 1, contender.server().pid());
        }
    }

    /** The rounds of slices, in alternating order. */
    static List<Outcome> measure(List<Contender> contenders, int clients, int rounds, Duration slice, int maxCeremonies)
            throws InterruptedException {
        int n = contenders.size();
        Latencies[] latencies = new Latencies[n];
        int[] ceremonies = new int[n];
        int[] errors = new int[n];
        double[] seconds = new double[n];
        double[] serverCpu = new double[n];
        double[] others = new double[n];
        String[] loadFirst = new String[n];
        String[] loadLast = new String[n];
        for (int i = 0; i < n; i++) {
            latencies[i] = new Latencies(maxCeremonies);
        }
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < n; k++) {
                int i = round % 2 == 0 ? k : n - 1 - k;
                Contender contender = contenders.get(i);
                SignInLoad.Result result = contender.load().run(contender.callers(), clients, SETTLE, slice, latencies[i],
                        contender.server().pid());
                ceremonies[i] += result.ceremonies();
                errors[i] += result.errors();
                seconds[i] += result.seconds();
                serverCpu[i] += result.cpu().serverCpuSeconds();
                others[i] += result.cpu().othersShare() * result.seconds();
                loadFirst[i] = loadFirst[i] == null ? result.loadBefore() : loadFirst[i];
                loadLast[i] = result.loadAfter();
                System.out.printf("  round %d, %s: %.0f ceremonies/s, p99 %.1f ms, %d errors%n", round + 1,
                        contender.label(), result.perSecond(), result.latency().p99(), result.errors());
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            outcomes.add(new Outcome(contenders.get(i).label(), ceremonies[i], seconds[i], latencies[i].summary(), errors[i],
                    serverCpu[i] * 1000 / Math.max(1, ceremonies[i]), others[i] / Math.max(1e-9, seconds[i]),
                    loadFirst[i], loadLast[i]));
        }
        return outcomes;
    }

    /** The outcomes as a table, with each one's share of the ceiling and its difference from the first. */
    static void report(Report report, List<Outcome> outcomes, EcdsaCeiling.Result ceiling) {
        List<List<String>> rows = new ArrayList<>();
        double first = outcomes.get(0).perSecond();
        for (Outcome o : outcomes) {
            rows.add(List.of(o.label(), Report.f0(o.perSecond()), String.format("%+.1f%%", (o.perSecond() / first - 1) * 100),
                    Report.percent(o.perSecond() / ceiling.pairsPerSecond()),
                    Report.f1(o.latency().p50()), Report.f1(o.latency().p90()), Report.f1(o.latency().p99()),
                    String.valueOf(o.errors()), Report.f2(o.serverCpuMillis()), Report.percent(o.othersShare()),
                    "`" + o.loadFirst() + "` → `" + o.loadLast() + "`"));
        }
        report.table(List.of("", "ceremonies/s", "vs first", "of ceiling", "p50 ms", "p90 ms", "p99 ms", "errors",
                "server CPU ms/ceremony", "CPU taken by other processes", "load average first → last"), rows);
    }
}
