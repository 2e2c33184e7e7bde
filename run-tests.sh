#!/usr/bin/env bash
# Runs every test: unit tests of each module, then the Arquillian suite on each row of the
# server/database matrix (Payara Micro, WildFly, WildFly Preview; H2, PostgreSQL, MariaDB: see
# docs/admin-guide.md), and prints the matrix at the end.
set -euo pipefail
cd "$(dirname "$0")"
started=$(mktemp)
trap 'rm -f "$started"' EXIT
status=0
mvn -B -ntp verify "$@" || status=$?
scripts/matrix-summary.sh "$started"
exit "$status"
