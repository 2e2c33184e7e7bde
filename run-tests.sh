#!/usr/bin/env bash
# Runs every test: unit tests of each module and the Arquillian tests on a real Payara Micro.
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -ntp verify "$@"
