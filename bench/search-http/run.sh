#!/usr/bin/env bash
# Search over loopback HTTP against a running node holding N synthetic records (see README).
#
#   bench/search-http/run.sh [records] [heap] [seconds] [connections...]
#       defaults: 1000000 1g 30 "4 16 64"
#
# 1. builds the node (unless TC_BENCH_NO_BUILD=1) and copies it to a work folder;
# 2. starts Keycloak (scripts/keycloak.sh, its own run folder, port TC_BENCH_KC_PORT or 8490),
#    unless one already answers there;
# 3. creates a node database (first start: schema, demo organizations), stops the node, and
#    bulk-loads the records of bench/search's generator into it with LoadCatalog (JDBC, the node's
#    own tables and change log);
# 4. starts the node (-Xmx<heap>, SPARQL off: its graph store would take far longer to project
#    1M records than the search index) and reports the time its search projector took to index the
#    new changes (the node logs it; the node is ready only after that);
# 5. after a 20 s warm-up (TC_BENCH_WARMUP), runs wrk with search.lua over 2 000 varied search
#    URLs, each once per cycle (so that no answer comes from the node's result cache), anonymous
#    and then as the ministry analyst molit-analyst (a real Keycloak token), at each number of
#    connections; then as the analyst over 20 000 URLs drawn from the same 2 000 with Zipf
#    frequencies (s = 1; portal traffic repeats popular searches). The server-side time per search
#    comes from the node's access log (%D, milliseconds);
# 6. with TC_BENCH_JFR=1, records a JFR profile during one more analyst run (16 connections) and
#    prints the top frames (top-frames.py).
#
# TC_BENCH_APP=<quarkus-app dir> benchmarks that build instead of node/target/quarkus-app.
# TC_BENCH_WORK=<dir> keeps the work folder (database, index, logs); an existing loaded database
# there is reused (the index is rebuilt only when TC_BENCH_REINDEX=1).
set -euo pipefail
cd "$(dirname "$0")/../.."
records="${1:-1000000}"; heap="${2:-1g}"; seconds="${3:-30}"; shift 3 || shift $#
levels=("${@:-4 16 64}")
levels=(${levels[*]})
kc_port="${TC_BENCH_KC_PORT:-8490}"
port="${TC_BENCH_PORT:-8495}"
work="${TC_BENCH_WORK:-$(mktemp -d)}"
mkdir -p "$work"
data="$work/data"
export TC_KEYCLOAK_RUN_DIR="$work/keycloak"
issuer="http://127.0.0.1:$kc_port/realms/twin-catalog"
node=""

stop_node() {
  if [[ -n "$node" ]]; then
    kill "$node" 2>/dev/null || true
    wait "$node" 2>/dev/null || true
    node=""
  fi
}
cleanup() {
  stop_node
  [[ ! -f "$TC_KEYCLOAK_RUN_DIR/keycloak.pid" ]] || scripts/keycloak.sh stop >/dev/null 2>&1 || true
  [[ -n "${TC_BENCH_WORK:-}" ]] || rm -rf "$work"
}
trap cleanup EXIT

# start_node <log> [java options...]: starts the node and waits until it is ready
start_node() {
  local log="$1"; shift
  java -Xmx"$heap" "$@" -Dtc.data-dir="$data" -Dtc.sparql.enabled=false -Dquarkus.http.port="$port" \
    -Dquarkus.oidc.auth-server-url="$issuer" \
    -Dquarkus.http.record-request-start-time=true \
    -Dquarkus.http.access-log.enabled=true -Dquarkus.http.access-log.log-to-file=true \
    -Dquarkus.http.access-log.log-directory="$work" -Dquarkus.http.access-log.base-file-name=access \
    '-Dquarkus.http.access-log.pattern=%D %s %r' \
    -jar "$work/app/quarkus-run.jar" >"$log" 2>&1 &
  node=$!
  until curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null; do
    kill -0 "$node" 2>/dev/null || { tail -20 "$log"; echo "node did not start" >&2; exit 1; }
    sleep 1
  done
}

token() {
  curl -s "$issuer/protocol/openid-connect/token" -d grant_type=password -d client_id=twin-catalog-cli \
    -d username="$1" -d password=demo | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}

# server_time <from-line>: percentiles of %D over the search requests logged after that line
server_time() {
  tail -n +"$1" "$work/access.log" | awk '$4 ~ /^\/api\/v1\/search/ {print $1}' | sort -n | awk '
    {v[NR]=$1} END {if (NR) printf "server side (access log, ms): p50 %d  p95 %d  p99 %d  (%d searches)\n",
      v[int(NR*0.5)+1], v[int(NR*0.95)+1], v[int(NR*0.99)+1], NR}'
}

run_wrk() { # run_wrk <who> <connections> [token] [urls file]
  local from
  from=$(( $(wc -l <"$work/access.log" 2>/dev/null || echo 0) + 1 ))
  echo "--- $1, $2 connections, ${seconds}s; $(uptime | sed 's/.*load average/load average/')"
  TC_URLS="${4:-$work/urls.txt}" TC_TOKEN="${3:-}" wrk -t"$(( $2 < 2 ? $2 : 2 ))" -c"$2" -d"${seconds}s" --latency \
    -s bench/search-http/search.lua "http://127.0.0.1:$port" | grep -E "Requests/sec|Latency  |non-200|Socket errors"
  server_time "$from"
}

if [[ "${TC_BENCH_NO_BUILD:-0}" != 1 ]]; then
  ./mvnw -B -q install -DskipTests -pl node -am
fi
rm -rf "$work/app" "$work/classes"
cp -r "${TC_BENCH_APP:-node/target/quarkus-app}" "$work/app"
javac -nowarn -d "$work/classes" -cp "$work/app/lib/main/*" bench/search/SearchBench.java bench/search-http/LoadCatalog.java
loader=(java -Xmx1g -cp "$work/classes:$work/app/lib/main/*" LoadCatalog)

if curl -sf "$issuer" >/dev/null; then
  echo "Keycloak already answers at $issuer; using it"
else
  scripts/keycloak.sh start "$kc_port" >/dev/null
  echo "Keycloak started at $issuer"
fi

if [[ ! -f "$data/catalog.mv.db" ]]; then
  start_node "$work/node-seed.log" -Dtc.demo.seed=true
  stop_node
  uptime
  "${loader[@]}" "jdbc:h2:file:$data/catalog" "$records"
fi
if [[ "${TC_BENCH_REINDEX:-0}" == 1 ]]; then
  rm -rf "$data/index"
fi
uptime
started=$(date +%s)
start_node "$work/node.log"
echo "node ready after $(( $(date +%s) - started )) s (-Xmx$heap); $(uptime | sed 's/.*load average/load average/')"
grep -o "Search index at .*" "$work/node.log" || true
"${loader[@]}" urls "$work/urls.txt" 2000
"${loader[@]}" zipf "$work/urls.txt" "$work/urls-zipf.txt" 20000

analyst="$(token molit-analyst)"
# warm-up, not reported: JIT and the index's memory-mapped files after a start; half of it
# anonymous, half as the analyst, so that neither caller's first run pays for it
warmup=$(( ${TC_BENCH_WARMUP:-20} / 2 ))
for t in "" "$analyst"; do
  TC_URLS="$work/urls.txt" TC_TOKEN="$t" wrk -t2 -c4 -d"${warmup}s" \
    -s bench/search-http/search.lua "http://127.0.0.1:$port" >/dev/null
done
for c in "${levels[@]}"; do run_wrk anonymous "$c"; done
for c in "${levels[@]}"; do run_wrk "molit-analyst" "$c" "$analyst"; done
for c in "${levels[@]}"; do
  run_wrk "molit-analyst, searches repeating (Zipf)" "$c" "$analyst" "$work/urls-zipf.txt"
done

if [[ "${TC_BENCH_JFR:-0}" == 1 ]]; then
  jcmd "$node" JFR.start name=bench settings=profile filename="$work/search.jfr" >/dev/null
  run_wrk "molit-analyst (JFR recording)" 16 "$(token molit-analyst)"
  jcmd "$node" JFR.stop name=bench >/dev/null
  jfr print --events jdk.ExecutionSample --stack-depth 200 "$work/search.jfr" >"$work/samples.txt"
  python3 bench/search-http/top-frames.py "$work/samples.txt" 'executor-thread|vert.x'
fi
jcmd "$node" GC.heap_info | head -3
uptime
