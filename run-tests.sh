#!/usr/bin/env bash
# Runs every test: unit tests of each module, then the Arquillian suite on each row of the
# server/database matrix (Payara Micro 6 and 7, Payara Server 6, WildFly, WildFly Preview; H2,
# PostgreSQL, MariaDB: the rows are declared in scripts/matrix-rows, and docs/admin-guide.md
# describes them), and the browser tests, and prints the matrix at the end.
#
# Beyond a JDK 17 and Maven, some rows need what Maven Central does not provide: a PostgreSQL or
# a MariaDB on 127.0.0.1, a JDK 21+; the browser tests need Chromium and its driver. What this
# machine lacks is found first: the rows (and tests) that need it are skipped, each with one line
# saying why and how to get it, and the summary lists them again. With CI=true nothing may be
# skipped: a missing piece fails the run before it starts.
set -euo pipefail
cd "$(dirname "$0")"

# Payara Micro 7 needs Java 21 or newer: its rows run on PAYARA7_JAVA_HOME, or else on the newest
# such JDK under /usr/lib/jvm.
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

answers() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# What is missing: need -> why it is missing, and how to get it.
declare -A missing=()
answers 5432 || missing[postgresql]="no PostgreSQL on 127.0.0.1:5432 (Debian: apt-get install postgresql; user postgres, trusted)"
answers 3306 || missing[mariadb]="no MariaDB on 127.0.0.1:3306 (Debian: apt-get install mariadb-server; user root without a password)"
[ -n "$payara7_java" ] || missing[jdk21]="no JDK 21 or newer (install one under /usr/lib/jvm, or set PAYARA7_JAVA_HOME)"
[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] \
    || missing[chromium]="no /usr/bin/chromium and /usr/bin/chromedriver (Debian: apt-get install chromium chromium-driver)"

options=()
skipped=$(mktemp)
started=$(mktemp)
trap 'rm -f "$started" "$skipped"' EXIT
[ -n "$payara7_java" ] && options+=("-Dpayara7.java.home=$payara7_java")
while IFS='|' read -r id _ _ needs; do
    for need in $needs; do
        if [ -n "${missing[$need]:-}" ]; then
            options+=("-Dskip.$id=true")
            echo "$id|${missing[$need]}" >>"$skipped"
            break
        fi
    done
done < <(grep -v '^#' scripts/matrix-rows)
for need in postgresql mariadb; do
    [ -n "${missing[$need]:-}" ] && options+=("-Dskip.$need=true")
done
[ -n "${missing[chromium]:-}" ] && options+=(-Dskip.browser-tests=true) \
    && echo "browser tests|${missing[chromium]}" >>"$skipped"
[ -n "${missing[postgresql]:-}" ] && echo "store tests on PostgreSQL|${missing[postgresql]}" >>"$skipped" \
    && echo "SignInUnderLoadIT (on the Payara Micro H2 rows)|${missing[postgresql]}" >>"$skipped"
[ -n "${missing[mariadb]:-}" ] && echo "store tests on MariaDB|${missing[mariadb]}" >>"$skipped"

if [ -s "$skipped" ]; then
    if [ "${CI:-}" = true ]; then
        while IFS='|' read -r what why; do
            echo "Cannot run $what: $why"
        done <"$skipped"
        echo "CI=true: nothing may be skipped. Provide the above, or run without CI=true." >&2
        exit 1
    fi
    while IFS='|' read -r what why; do
        echo "Skipped: $what: $why"
    done <"$skipped"
fi
[ -n "$payara7_java" ] && echo "Payara Micro 7 rows on $payara7_java (Java $(java_feature "$payara7_java"))"

status=0
mvn -B -ntp verify "${options[@]}" "$@" || status=$?
scripts/matrix-summary.sh "$started" "$skipped"
exit "$status"
