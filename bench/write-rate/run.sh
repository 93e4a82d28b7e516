#!/usr/bin/env bash
# Rate of POST /api/v1/datasets on a packaged node over loopback, signed in as a demo publisher.
#
#   bench/write-rate/run.sh [requests] [concurrency...]      defaults: 3000, "1 4 8"
#
# Starts Keycloak (scripts/keycloak.sh, its own run folder, port 8290) and a node on embedded
# defaults in a temp folder (port 8295), gets a token for mapo-publisher (organization
# seoul-mapo), runs PostDatasets once per concurrency, then stops both.
set -euo pipefail
cd "$(dirname "$0")/../.."
requests="${1:-3000}"; shift || true
levels=("${@:-1 4 8}")
export TC_KEYCLOAK_RUN_DIR="$(mktemp -d)"
data="$(mktemp -d)"
[[ -f node/target/quarkus-app/quarkus-run.jar ]] || ./mvnw -B -q install -DskipTests
scripts/keycloak.sh start 8290 >/dev/null
trap 'kill "$node" 2>/dev/null; scripts/keycloak.sh stop >/dev/null; rm -rf "$data"' EXIT
issuer="http://127.0.0.1:8290/realms/twin-catalog"
java -Dtc.data-dir="$data" -Dquarkus.http.port=8295 -Dquarkus.oidc.auth-server-url="$issuer" \
  -jar node/target/quarkus-app/quarkus-run.jar >"$data/node.log" 2>&1 &
node=$!
until curl -sf http://127.0.0.1:8295/q/health/ready >/dev/null; do sleep 0.5; done
grep -o "started in [0-9.]*s" "$data/node.log" | sed "s/^/node /" || true
export TC_BENCH_ORG=seoul-mapo
for c in ${levels[*]}; do
  TC_TOKEN="$(curl -s "$issuer/protocol/openid-connect/token" -d grant_type=password -d client_id=twin-catalog-cli \
      -d username=mapo-publisher -d password=demo | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')"
  TC_TOKEN="$TC_TOKEN" java bench/write-rate/PostDatasets.java http://127.0.0.1:8295 "$requests" "$c"
done
uptime
