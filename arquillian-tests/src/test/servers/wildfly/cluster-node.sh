#!/usr/bin/env bash
# One WildFly node of a cluster (run by arquillian-tests for the row wildfly-cluster, once per
# node; the admin guide, docs/admin-guide.md, quotes it), in a server base directory configured
# by cluster-ha.cli with the WAR in its deployments/. Every node gets the same configuration,
# decoy secret and ceremony key (the environment variables PASSKEY_DECOY_SECRET and
# PASSKEY_CEREMONY_KEY), its own name and address, and the
# list of all nodes' JGroups addresses. (On one machine each node also needs its own port offset.)
set -euo pipefail
exec bash "$WILDFLY_HOME/bin/standalone.sh" -c standalone-ha.xml -Djboss.server.base.dir="$BASE_DIR" \
    -Djboss.node.name="$NODE_NAME" -Djboss.socket.binding.port-offset="${PORT_OFFSET:-0}" \
    -Djboss.bind.address="$NODE_ADDRESS" -Djboss.bind.address.private="$NODE_ADDRESS" \
    -Djgroups.tcpping.initial_hosts="$INITIAL_HOSTS"
