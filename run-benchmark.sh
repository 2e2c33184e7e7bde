#!/usr/bin/env bash
# The sign-in benchmark (issue 5): builds the sample WAR and the load generator, then runs every
# scenario, each starting (and stopping) its own Payara Micro on a free loopback port:
#   signin   on JDK 17 and on Temurin 25: the ES256 ceiling, full sign-in ceremonies at 1, 4 and 16
#            clients, the mechanism's overhead on an ordinary request, session state per ceremony
#   postgres on JDK 17: the store on PostgreSQL with 1,000 and with 1,000,000 stored passkeys (two
#            servers, measured interleaved)
#   memory   on JDK 17: heap after 100,000 abandoned ceremonies, and after they expire
#   peer     twice, every server on JDK 17, then every server on Temurin 25: the sample on Payara
#            Micro 6, WildFly 39 and (Java 21+ only) Payara Micro 7, and Spring Security 7's passkeys
#            (passkey-bench/spring-peer, Spring Boot 4), all at once, measured interleaved with the
#            same load generator: ceremonies/s, p50/p99, server CPU per ceremony, and each runtime's
#            ratio to Spring; on Temurin 25 also a flight recording of every server and where each
#            one's Java threads spent the time, by component. Also alone: "./run-benchmark.sh peer"
#            (about 40 minutes). With
#            COMPARE_WAR=<another build of sample-app.war>, each runtime also runs that WAR (B), so a
#            change is measured interleaved against the committed WAR and Spring at once.
#   compare  on JDK 17, only with COMPARE_WAR=<another build of sample-app.war>: the committed WAR
#            against that one (a change to the core, say) on Payara Micro 6, measured interleaved
# The figures are printed and kept as Markdown in passkey-bench/target/bench/results/ (all.md holds
# them all). Over an hour; "./run-benchmark.sh quick" is a short smoke run of the same.
#   fuzz     the ceremony fuzzers (passkey-auth-mechanism's CeremonyFuzzTest, and
#            RecordedAttestationFuzzTest on real authenticators' attestation statements) with 100,000
#            inputs per ceremony instead of the build's 1,500: prints inputs tried, the refusal codes seen and
#            the unexpected exceptions (must be 0). Also alone: "./run-benchmark.sh fuzz" (40
#            minutes measured on 2 cores with a CI run beside it).
# Needs JDK 17, Maven, and PostgreSQL on 127.0.0.1:5432 (trust) for the postgres scenario; the
# benchmark creates and drops its own databases passkey_bench_<size> there. Loopback only.
# Other JDKs: JDK17_HOME=... JDK25_HOME=... ./run-benchmark.sh
set -euo pipefail
cd "$(dirname "$0")"

JDK17_HOME=${JDK17_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
JDK25_HOME=${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
BENCH=passkey-bench/target/bench
RESULTS=$BENCH/results

fuzz() {
    echo
    echo "=== ceremony fuzzing: $FUZZ_INPUTS inputs per ceremony"
    mvn -B -ntp -pl passkey-auth-mechanism -am test -Dtest='CeremonyFuzzTest,RecordedAttestationFuzzTest' \
        -Dsurefire.failIfNoSpecifiedTests=false -Djqwik.tries.default="$FUZZ_INPUTS" \
        | grep -E 'tries =|^    [A-Za-z_]+ +\(|^\[[a-z-]+\]|Ceremony fuzzing|Tests run:|FAIL' || return 1
}
if [ "${1:-}" = "fuzz" ]; then
    FUZZ_INPUTS=${FUZZ_INPUTS:-100000}
    fuzz
    exit $?
fi

build() {
    mvn -B -ntp -Pbench -pl passkey-bench -am package -DskipTests
    mvn -B -ntp -f passkey-bench/spring-peer/pom.xml package -DskipTests
    cp passkey-bench/spring-peer/target/spring-peer.jar "$BENCH/"
}
peer() {
    local b=()
    [ -n "${COMPARE_WAR:-}" ] && b=(--war-b="$COMPARE_WAR")
    # 180 s of warm-up per server: after 60 s Spring's JIT is still far from its steady state (its
    # ceremonies/s kept rising round after round), which flattered the ratios (docs/performance.md).
    run "$JDK17_HOME" peer --server-jdk="$JDK17_HOME" --heap=1g --warmup=180 --label=peer-jdk17 "${b[@]}"
    run "$JDK17_HOME" peer --server-jdk="$JDK25_HOME" --heap=1g --warmup=180 --jfr=true --label=peer-jdk25 "${b[@]}"
}

if [ "${1:-}" = "quick" ]; then
    SHORT=(--warmup=5 --duration=5 --callers=64 --overhead-rounds=300)
    FUZZ_INPUTS=${FUZZ_INPUTS:-2000}
    FLOOD=(--flood=5000 --ceremony-timeout=5)
    STORES=1000,20000
else
    SHORT=()
    FLOOD=()
    STORES=1000,1000000
    FUZZ_INPUTS=${FUZZ_INPUTS:-100000}
fi

build
CLASSPATH="passkey-bench/target/classes:$(ls "$BENCH"/lib/*.jar | tr '\n' ':')"
rm -rf "$RESULTS"

status=0
run() {
    local jdk=$1
    shift
    echo
    echo "=== $("$jdk/bin/java" -version 2>&1 | head -1): $* (uptime:$(uptime))"
    "$jdk/bin/java" -Xmx1g -cp "$CLASSPATH" org.passkeyee.bench.BenchmarkMain "$@" "${SHORT[@]}" || status=1
}

if [ "${1:-}" = "peer" ]; then
    peer
    cat "$RESULTS/peer-jdk17.md" "$RESULTS/peer-jdk25.md"
    exit $status
fi

run "$JDK17_HOME" signin --clients=1,4,16 --label=signin-jdk17
run "$JDK25_HOME" signin --clients=1,4,16 --label=signin-jdk25
run "$JDK17_HOME" postgres --stored-passkeys=$STORES --label=postgres-jdk17
run "$JDK17_HOME" memory --heap=1g "${FLOOD[@]}" --label=memory-jdk17
peer
fuzz || status=1
if [ -n "${COMPARE_WAR:-}" ]; then
    run "$JDK17_HOME" compare --war-b="$COMPARE_WAR" --label=compare-jdk17
fi

for report in signin-jdk17 signin-jdk25 postgres-jdk17 memory-jdk17 peer-jdk17 peer-jdk25 compare-jdk17; do
    [ -f "$RESULTS/$report.md" ] && cat "$RESULTS/$report.md"
done > "$RESULTS/all.md"
echo
echo "Reports: $RESULTS/all.md (exit status $status: 1 if any request failed; every failure is printed as ERROR #n)"
exit $status
