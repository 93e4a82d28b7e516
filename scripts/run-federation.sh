#!/usr/bin/env bash
# Runs a demo federation on this machine: Keycloak, a national node, a metro node (Seoul) and two
# city nodes (Gangnam, Mapo) on 127.0.0.1, each with its own demo records and data folder. The
# metro node harvests both cities; the national node harvests the metro node and brokers live
# queries to all three. Prints how to query across it.
#
#   scripts/run-federation.sh             build the node if needed, start everything, wait for Ctrl-C
#   scripts/run-federation.sh --rebuild   rebuild the node first
#
# Environment: TC_FEDERATION_DIR (data and logs; default ./data/federation, emptied on start),
# TC_FEDERATION_PORT (first node port, default 8080: national; metro, Gangnam, Mapo follow),
# TC_KEYCLOAK_PORT (default 8180; a Keycloak already running there is reused).
set -euo pipefail

readonly ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly JAR="${ROOT_DIR}/node/target/quarkus-app/quarkus-run.jar"
readonly DIR="${TC_FEDERATION_DIR:-${ROOT_DIR}/data/federation}"
readonly FIRST_PORT="${TC_FEDERATION_PORT:-8080}"
readonly KC_PORT="${TC_KEYCLOAK_PORT:-8180}"
readonly ISSUER="http://127.0.0.1:${KC_PORT}/realms/twin-catalog"

cd "$ROOT_DIR"
if [[ "${1:-}" == "--rebuild" || ! -f "$JAR" ]]; then
  echo "Building the node (first run takes a few minutes while Maven fetches dependencies)..."
  ./mvnw -B -q install -DskipTests
fi

if curl -sf -o /dev/null "${ISSUER}/.well-known/openid-configuration"; then
  echo "Reusing the Keycloak at ${ISSUER}"
  started_keycloak=false
else
  scripts/keycloak.sh start "$KC_PORT"
  started_keycloak=true
fi

rm -rf "$DIR"
mkdir -p "$DIR"
declare -A PORT=(
  [national]=$((FIRST_PORT)) [metro-seoul]=$((FIRST_PORT + 1))
  [city-gangnam]=$((FIRST_PORT + 2)) [city-mapo]=$((FIRST_PORT + 3)))
declare -A TIER=([national]=national [metro-seoul]=metro [city-gangnam]=city [city-mapo]=city)
declare -A CLIENT=([national]=node-national [metro-seoul]=node-metro-seoul
  [city-gangnam]=node-city-gangnam [city-mapo]=node-city-mapo)
declare -A OPERATOR=([national]=molit [metro-seoul]=seoul [city-gangnam]=seoul-gangnam [city-mapo]=seoul-mapo)
PIDS=()

# peer <node id> <harvest true|false>: the -D options registering a peer
peer() {
  local id="$1" harvest="$2" key="-Dtc.federation.peers.$1"
  echo "${key}.base-url=http://127.0.0.1:${PORT[$id]} ${key}.tier=${TIER[$id]} ${key}.client-id=${CLIENT[$id]} ${key}.harvest=${harvest}"
}

start_node() {
  local id="$1"; shift
  local client="${CLIENT[$id]}"
  mkdir -p "$DIR/$id"
  # shellcheck disable=SC2068
  TC_FEDERATION_CLIENT_SECRET="${client}-dev-secret" java -Xmx256m \
    -Dquarkus.http.port="${PORT[$id]}" -Dtc.data-dir="$DIR/$id" \
    -Dtc.node.id="$id" -Dtc.node.tier="${TIER[$id]}" -Dtc.node.operator="${OPERATOR[$id]}" \
    -Dtc.node.title.en="twin-catalog ${id}" \
    -Dtc.demo.seed=true -Dtc.demo.set="federation/$id" \
    -Dquarkus.oidc.auth-server-url="$ISSUER" -Dquarkus.oidc.token.audience="twin-catalog-node,${client}" \
    -Dtc.federation.client-id="$client" -Dtc.federation.harvest.interval=10s \
    $@ -jar "$JAR" > "$DIR/$id/node.log" 2>&1 &
  PIDS+=($!)
}

stop_all() {
  echo
  echo "Stopping the federation..."
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [[ "$started_keycloak" == true ]]; then scripts/keycloak.sh stop || true; fi
}
trap stop_all EXIT INT TERM

start_node city-gangnam
start_node city-mapo
start_node metro-seoul $(peer city-gangnam true) $(peer city-mapo true)
start_node national $(peer metro-seoul true) $(peer city-gangnam false) $(peer city-mapo false)

for id in city-gangnam city-mapo metro-seoul national; do
  for _ in $(seq 1 180); do
    curl -sf -o /dev/null "http://127.0.0.1:${PORT[$id]}/q/health/ready" && break
    sleep 1
  done
  curl -sf -o /dev/null "http://127.0.0.1:${PORT[$id]}/q/health/ready" \
    || { echo "$id did not start; see $DIR/$id/node.log" >&2; exit 1; }
  echo "  $id  http://127.0.0.1:${PORT[$id]}  (log: $DIR/$id/node.log)"
done

N="http://127.0.0.1:${PORT[national]}"
if ! command -v jq >/dev/null; then
  echo "note: the examples below pipe answers into jq, which is not installed (Debian: apt-get install jq)"
fi
cat <<USAGE

The federation runs: Gangnam and Mapo are harvested by the metro node, the metro node by the
national node (every 10 s). Demo users (password demo): keycloak/README.md.

  token() { curl -s ${ISSUER}/protocol/openid-connect/token -d grant_type=password \\
      -d client_id=twin-catalog-cli -d username=\$1 -d password=demo | jq -r .access_token; }
  MOLIT=\$(token molit-analyst); DEV=\$(token dev); GANGNAM=\$(token gangnam-publisher)

  # the node directory with health and harvest status (cursor, lag, last run, last error)
  curl -s $N/api/v1/federation/peers | jq
  # harvested mirrors at the national node: the ministry sees government-level records of both cities
  curl -s -H "Authorization: Bearer \$MOLIT" '$N/api/v1/datasets?limit=100' | jq '.items[] | {id, origin}'
  curl -s -H "Authorization: Bearer \$DEV"   '$N/api/v1/search?q=building' | jq '.items[].id'
  # a live federated search: each city decides with its own policy; every peer's outcome is listed
  curl -s -H "Authorization: Bearer \$MOLIT" '$N/api/v1/federation/search?q=3D&deadlineMs=2000' | jq '{peers, items: [.items[] | {peer, id, score}]}'
  # which cities have LOD2 building models newer than 2023, counted by each city
  curl -s -H "Authorization: Bearer \$MOLIT" '$N/api/v1/federation/aggregates?lod=2&featureType=bldg&yearFrom=2024&facet=year' | jq '.byPeer'
  # a city never sees another city's private records (Mapo's housing survey), on any path
  curl -s -H "Authorization: Bearer \$GANGNAM" '$N/api/v1/federation/search?q=housing' | jq '.items'
  # harvest Mapo now at the metro node (stewards of the node's operator, tc.node.operator=seoul, may)
  curl -s -X POST -H "Authorization: Bearer \$(token seoul-steward)" http://127.0.0.1:${PORT[metro-seoul]}/api/v1/federation/peers/city-mapo/harvests | jq

Press Ctrl-C to stop everything.
USAGE
wait
