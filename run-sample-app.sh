#!/usr/bin/env bash
# Builds the module and starts the sample app on Payara Micro at http://localhost:8080/
# with Payara's embedded H2 default database. Accounts and passkeys are kept in
# .payara-sample/ between runs; delete that folder to start afresh.
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -ntp -DskipTests -pl sample-app -am install
exec java -jar sample-app/target/payara-micro.jar \
    --deploy sample-app/target/sample-app.war \
    --contextroot / \
    --port 8080 \
    --nocluster \
    --rootdir .payara-sample
