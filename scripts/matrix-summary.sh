#!/usr/bin/env bash
# Prints the test matrix of the last build: one line per row (server and database) of the
# Arquillian suite, read from arquillian-tests/target/failsafe-reports/<row>/, then the unit and
# store tests of every module (target/surefire-reports). run-tests.sh calls it after Maven.
# Usage: scripts/matrix-summary.sh [FILE [SKIPPED]]: with FILE, only reports newer than FILE count
# (the reports of this run, not those a previous build left behind); SKIPPED lists what
# run-tests.sh skipped because this machine lacks what it needs, one "what|why" a line.
set -uo pipefail
since=${1:+$(realpath "$1")}
skipped_file=${2:+$(realpath "$2")}
cd "$(dirname "$0")/.."

REPORTS=arquillian-tests/target/failsafe-reports
mapfile -t ROWS < <(grep -v '^#' scripts/matrix-rows)
# What run-tests.sh skipped: what -> why.
declare -A lacking=()
if [ -n "$skipped_file" ]; then
    while IFS='|' read -r what why; do
        lacking[$what]=$why
    done <"$skipped_file"
fi

# Counts test cases, failed ones (failure or error), skipped ones, and the suites' time in
# report files. Counts <testcase> elements rather than the suite's tests attribute, which
# Surefire leaves at 0 for JUnit's @ParameterizedClass.
count() {
    awk '
        /<testcase[ >]/ { tests++ }
        /<(failure|error)[ >\/]/ { failed++ }
        /<skipped[ >\/]/ { skipped++ }
        match($0, /<testsuite [^>]* time="[0-9.,]+"/) {
            value = substr($0, RSTART, RLENGTH)
            sub(/.* time="/, "", value)
            gsub(/[",]/, "", value)
            seconds += value
        }
        END { printf "%d %d %d %.0f\n", tests, failed, skipped, seconds }
    ' "$@"
}

# The report files under $1 that match the find tests after it (and are newer than $since).
reports() {
    local dir=$1
    shift
    [ -d "$dir" ] || return 0
    if [ -n "$since" ]; then
        find "$dir" "$@" -newer "$since" 2>/dev/null
    else
        find "$dir" "$@" 2>/dev/null
    fi
}

total_passed=0
total_failed=0
total_skipped=0
echo
echo "Test matrix: the Arquillian suite on each server and database ($REPORTS/ROW)"
printf '  %-24s %-40s %-14s %6s %6s %7s %6s\n' row server database passed failed skipped time
for row in "${ROWS[@]}"; do
    IFS='|' read -r id server database _ <<<"$row"
    if [ -n "${lacking[$id]:-}" ]; then
        printf '  %-24s %-40s %-14s %s\n' "$id" "$server" "$database" "SKIPPED: this machine lacks what it needs (below)"
        continue
    fi
    mapfile -t files < <(reports "$REPORTS/$id" -name 'TEST-*.xml')
    if [ "${#files[@]}" -eq 0 ]; then
        printf '  %-24s %-40s %-14s %s\n' "$id" "$server" "$database" "not run"
        continue
    fi
    read -r tests failed skipped seconds < <(count "${files[@]}")
    passed=$((tests - failed - skipped))
    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failed))
    total_skipped=$((total_skipped + skipped))
    printf '  %-24s %-40s %-14s %6d %6d %7d %5ds\n' "$id" "$server" "$database" "$passed" "$failed" "$skipped" "$seconds"
done

mapfile -t unit_reports < <(reports . -path '*/target/surefire-reports/TEST-*.xml')
if [ "${#unit_reports[@]}" -gt 0 ]; then
    read -r tests failed skipped seconds < <(count "${unit_reports[@]}")
    passed=$((tests - failed - skipped))
    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failed))
    total_skipped=$((total_skipped + skipped))
    printf '  %-24s %-40s %-14s %6d %6d %7d %5ds\n' "unit and store tests" "(no server; store on H2/PostgreSQL/MariaDB)" "" \
        "$passed" "$failed" "$skipped" "$seconds"
fi
echo "  (time: seconds spent in the test classes, server starts and deployments included)"
echo "all: $total_passed passed, $total_failed failed, $total_skipped skipped"
if [ "${#lacking[@]}" -gt 0 ]; then
    echo
    echo "Not run, because this machine lacks what they need (CI=true refuses to skip them):"
    for what in "${!lacking[@]}"; do
        echo "  $what: ${lacking[$what]}"
    done | sort
fi
