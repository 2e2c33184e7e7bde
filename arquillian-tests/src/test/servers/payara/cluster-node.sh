#!/usr/bin/env bash
# One Payara Micro node of a cluster (run by arquillian-tests for the row payara-cluster, once per
# node; the admin guide, docs/admin-guide.md, quotes it). Every node gets the same WAR, decoy
# secret and ceremony key (the environment variables PASSKEY_DECOY_SECRET, PASSKEY_CEREMONY_KEY)
# and post-boot command file, its own name,
# HTTP port and root directory. The nodes find each other over TCP/IP at the first node's data
# grid port (multicast, the default, is often blocked); --nohostaware only where nodes share an IP
# address (on one machine): Hazelcast otherwise keeps no backup of a session on a node with the
# same address, and a node's loss would lose its sessions.
set -euo pipefail
: "${JAVA:=java}" "${JAVA_OPTS:=-Xmx512m}"
exec "$JAVA" $JAVA_OPTS -jar "$PAYARA_MICRO_JAR" --deploy "$WAR" --port "$HTTP_PORT" \
    --name "$NODE_NAME" --rootdir "$ROOT_DIR" \
    --clustername "$CLUSTER_NAME" --clustermode "tcpip:$FIRST_NODE_ADDRESS:$DATA_GRID_PORT" \
    --startport "$DATA_GRID_PORT" --interfaces "$NODE_ADDRESS" --nohostaware \
    --addlibs "$DRIVER_JAR" --postbootcommandfile "$POST_BOOT_COMMANDS"
