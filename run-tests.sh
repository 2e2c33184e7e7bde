#!/usr/bin/env bash
# Runs every test: unit tests of each module, then the Arquillian suite on each row of the
# server/database matrix (Payara Micro 6 and 7, Payara Server 6, WildFly, WildFly Preview; H2,
# PostgreSQL, MariaDB: see docs/admin-guide.md), and prints the matrix at the end.
set -euo pipefail
cd "$(dirname "$0")"

# Payara Micro 7 needs Java 21 or newer: its rows (payara7-*) run on PAYARA7_JAVA_HOME, or else on
# the newest such JDK under /usr/lib/jvm. Without one, those two rows are skipped (and say so).
java_feature() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 \
        | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}
payara7_java=${PAYARA7_JAVA_HOME:-}
if [ -z "$payara7_java" ]; then
    best=0
    for jdk in /usr/lib/jvm/*/; do
        jdk=${jdk%/}
        [ -x "$jdk/bin/java" ] && [ ! -L "$jdk" ] || continue
        feature=$(java_feature "$jdk")
        if [ "${feature:-0}" -ge 21 ] && [ "$feature" -gt "$best" ]; then
            best=$feature
            payara7_java=$jdk
        fi
    done
fi
payara7=()
if [ -n "$payara7_java" ]; then
    echo "Payara Micro 7 rows on $payara7_java (Java $(java_feature "$payara7_java"))"
    payara7=("-Dpayara7.java.home=$payara7_java")
else
    echo "No JDK 21+ found (set PAYARA7_JAVA_HOME): the rows payara7-h2 and payara7-postgresql are skipped"
    payara7=(-Dskip.payara7-h2=true -Dskip.payara7-postgresql=true)
fi

started=$(mktemp)
trap 'rm -f "$started"' EXIT
status=0
mvn -B -ntp verify "${payara7[@]}" "$@" || status=$?
scripts/matrix-summary.sh "$started"
exit "$status"
