#!/usr/bin/env bash
# Runs a twin-catalog node on embedded defaults (H2 file database and files under ./data),
# seeded with demo organizations, datasets and services, at http://127.0.0.1:8080, with the real
# Keycloak (realm twin-catalog, demo users) on http://127.0.0.1:8180 for signing in.
#
#   scripts/run.sh             build the node if it is not built yet, then run it
#   scripts/run.sh --rebuild   rebuild first
#
# Environment: TC_PORT (default 8080), TC_DATA_DIR (default ./data), TC_KEYCLOAK_PORT (8180),
# TC_NO_KEYCLOAK=1 to run without Keycloak (everyone anonymous). Ctrl-C stops the node;
# `scripts/keycloak.sh stop` stops Keycloak.
set -euo pipefail

readonly ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly JAR="${ROOT_DIR}/node/target/quarkus-app/quarkus-run.jar"
readonly PORT="${TC_PORT:-8080}"
readonly DATA_DIR="${TC_DATA_DIR:-${ROOT_DIR}/data}"
readonly KC_PORT="${TC_KEYCLOAK_PORT:-8180}"
readonly ISSUER="http://127.0.0.1:${KC_PORT}/realms/twin-catalog"

cd "$ROOT_DIR"
if [[ "${1:-}" == "--rebuild" || ! -f "$JAR" ]]; then
  echo "Building the node (the first run takes a few minutes while Maven fetches dependencies)..."
  ./mvnw -B -q install -DskipTests
fi

oidc=()
if [[ -z "${TC_NO_KEYCLOAK:-}" ]]; then
  scripts/keycloak.sh start "$KC_PORT"
  oidc=("-Dquarkus.oidc.auth-server-url=${ISSUER}")
  if ! command -v jq >/dev/null; then
    echo "note: the examples below pipe answers into jq, which is not installed (Debian: apt-get install jq)"
  fi
  cat <<MSG

Demo users (password "demo"): dev (developer), gangnam-publisher, gangnam-steward, mapo-publisher,
seoul-steward, busan-publisher, tokyo-publisher, molit-analyst (ministry); see keycloak/README.md.
A token for the API:
  TOKEN=\$(curl -s ${ISSUER}/protocol/openid-connect/token -d grant_type=password \\
      -d client_id=twin-catalog-cli -d username=gangnam-publisher -d password=demo | jq -r .access_token)
  curl -s -G -H "Authorization: Bearer \$TOKEN" http://127.0.0.1:${PORT}/api/v1/search --data-urlencode q=건축물 | jq .total

MSG
else
  oidc=("-Dquarkus.oidc.tenant-enabled=false")
fi

mkdir -p "$DATA_DIR"
echo "Starting a twin-catalog node on http://127.0.0.1:${PORT} (data in ${DATA_DIR})"
exec java -Dtc.data-dir="$DATA_DIR" -Dquarkus.http.port="$PORT" -Dtc.demo.seed=true "${oidc[@]}" -jar "$JAR"
