#!/usr/bin/env bash
# Runs the federation benchmark against the packaged node (./mvnw install -DskipTests first).
#   bench/federation/run.sh [broker|harvest|all]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
what="${1:-all}"
echo "machine: $(nproc) cores; $(uptime)"
if [[ "$what" == broker || "$what" == all ]]; then
  java bench/federation/FederationBench.java broker "${TC_BENCH_PEERS:-100}" "${TC_BENCH_REQUESTS:-1000}"
fi
if [[ "$what" == harvest || "$what" == all ]]; then
  java bench/federation/FederationBench.java harvest "${TC_BENCH_RECORDS:-20000}"
fi
echo "after: $(uptime)"
