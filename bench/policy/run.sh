#!/usr/bin/env bash
# Policy check cost per request (see README.md).
#
#   bench/policy/run.sh [ops]                                   in process only
#   bench/policy/run.sh [ops] http://127.0.0.1:8080 <public-dataset-id> <organization-id> [requests] [clients...]
#                                                                 plus HTTP against a running node; each
#                                                                 number of clients adds a concurrent run
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -o install -DskipTests -pl access-control -am
cp_file="$(mktemp)"
./mvnw -B -q -o dependency:build-classpath -pl access-control -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime
cp="access-control/target/classes:$(cat "$cp_file")"
rm -f "$cp_file"
exec java -Xmx256m -cp "$cp" bench/policy/PolicyBench.java "$@"
