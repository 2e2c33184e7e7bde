#!/usr/bin/env bash
# Builds what a release publishes (mvn -Prelease: each published module's JAR, sources and
# Javadoc JARs and CycloneDX SBOM) twice from clean, and fails unless the two builds are byte
# for byte the same. Nothing is uploaded. Run by .ci/run after the tests; alone:
# scripts/release-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PUBLISHED=(passkey-auth-mechanism passkey-persistence passkey-jsf-components)
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

build() {
    mvn -B -ntp -q -Prelease -DskipTests clean package -pl "passkeyee-bom,$(IFS=,; echo "${PUBLISHED[*]}")" -am
    for module in "${PUBLISHED[@]}"; do
        for file in "$module"/target/*.jar "$module"/target/bom.json; do
            sha256sum "$file"
        done
    done > "$OUT/$1"
}

build first
build second
echo "Release artifacts (sha256, built twice):"
cat "$OUT/first"
if ! diff "$OUT/first" "$OUT/second"; then
    echo "release-check: the second build differs from the first: the build is not reproducible" >&2
    exit 1
fi
count=$(wc -l < "$OUT/first")
[ "$count" -eq $(( ${#PUBLISHED[@]} * 4 )) ] || { echo "release-check: expected 4 artifacts per module, found $count" >&2; exit 1; }
echo "release-check: $count artifacts identical in two builds"
