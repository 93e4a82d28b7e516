#!/usr/bin/env bash
# Runs a twin-catalog node on embedded defaults (H2 file database and files under ./data),
# seeded with demo organizations, datasets and services, at http://127.0.0.1:8080.
#
#   scripts/run.sh             build the node if it is not built yet, then run it
#   scripts/run.sh --rebuild   rebuild first
#
# Environment: TC_PORT (default 8080), TC_DATA_DIR (default ./data). Stop with Ctrl-C.
set -euo pipefail

readonly ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly JAR="${ROOT_DIR}/node/target/quarkus-app/quarkus-run.jar"
readonly PORT="${TC_PORT:-8080}"
readonly DATA_DIR="${TC_DATA_DIR:-${ROOT_DIR}/data}"

cd "$ROOT_DIR"
if [[ "${1:-}" == "--rebuild" || ! -f "$JAR" ]]; then
  echo "Building the node (first run takes a few minutes while Maven fetches dependencies)..."
  ./mvnw -B -q install -DskipTests
fi

mkdir -p "$DATA_DIR"
echo "Starting a twin-catalog node on http://127.0.0.1:${PORT} (data in ${DATA_DIR})"
exec java -Dtc.data-dir="$DATA_DIR" -Dquarkus.http.port="$PORT" -Dtc.demo.seed=true -jar "$JAR"
