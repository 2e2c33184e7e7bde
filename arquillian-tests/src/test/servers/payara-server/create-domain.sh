#!/usr/bin/env bash
# A Payara Server domain for passkeys (run by arquillian-tests before the rows payara-server-h2 and
# payara-server-postgresql, once per row; the admin guide, docs/admin-guide.md, quotes it).
# Usage: create-domain.sh PAYARA_HOME DOMAIN_DIR COMMAND_FILE...
# Creates the domain "passkey" in DOMAIN_DIR, starts it, runs each asadmin command file against
# it (multimode; a failed command fails the script, which multimode alone would not), and stops
# it: the commands' settings (system properties, a driver in the domain's lib/) take effect when
# the domain starts next. The build fills in @...@: every port the domain opens,
# moved off Payara's defaults (4848, 8080, ...) so that nothing else on the machine clashes.
set -euo pipefail
payara_home=$1
domain_dir=$2
shift 2
asadmin() {
    bash "$payara_home/bin/asadmin" "$@"
}
asadmin create-domain --nopassword --domaindir "$domain_dir" \
    --adminport @payara.server.admin.port@ --instanceport @payara.http.port@ \
    --hazelcastdasport @payara.server.hazelcast.das.port@ --hazelcaststartport @payara.server.hazelcast.start.port@ \
    --domainproperties http.ssl.port=@payara.server.https.port@:jms.port=@payara.server.jms.port@:orb.listener.port=@payara.server.iiop.port@:orb.ssl.port=@payara.server.iiops.port@:orb.mutualauth.port=@payara.server.iiop.mutualauth.port@:domain.jmxPort=@payara.server.jmx.port@:osgi.shell.telnet.port=@payara.server.osgi.port@:java.debugger.port=@payara.server.debug.port@ \
    passkey
asadmin start-domain --domaindir "$domain_dir" passkey
for commands in "$@"; do
    output=$(asadmin --port @payara.server.admin.port@ multimode --file "$commands" 2>&1)
    echo "$output"
    if grep -q '^Command .* failed\.$' <<<"$output"; then
        asadmin stop-domain --domaindir "$domain_dir" passkey
        echo "$commands: a command failed" >&2
        exit 1
    fi
done
asadmin stop-domain --domaindir "$domain_dir" passkey
