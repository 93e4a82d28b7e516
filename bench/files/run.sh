#!/usr/bin/env bash
# Hosted-file download throughput: the node vs nginx serving the same file on 127.0.0.1, in the
# same run; then pack streaming throughput. See README.md.
#
#   bench/files/run.sh [file-MiB=1024] [runs=5] [package-MiB=256]
#
# Installs the Debian package nginx when it is missing (needs root or sudo). The node runs from
# node/target/quarkus-app (built when missing) with a throwaway data dir, and verifies tokens
# signed with the local test key (node/src/test/resources/tokens), so no Keycloak is needed.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
SIZE_MB=${1:-1024}
RUNS=${2:-5}
PKG_MB=${3:-256}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/tc-bench-files.XXXXXX")
NODE_PID=""
cleanup() {
    [ -n "$NODE_PID" ] && kill "$NODE_PID" 2>/dev/null || true
    [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
    echo "installing nginx (Debian package)"
    SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -f node/target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q install -Dmaven.test.skip=true -pl node -am

echo "== machine"; uptime; nproc; "$NGINX" -v 2>&1; java -version 2>&1 | head -1

# --- a token for a publisher of the bench organization, signed with the local test key
KEY=node/src/test/resources/tokens/local-test-signing-key.pem
PUBLIC_KEY=$(grep '^%test.quarkus.oidc.public-key=' node/src/main/resources/application.properties | cut -d= -f2-)
ORG=bench-files-org
NOW=$(date +%s)
HEADER=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
PAYLOAD=$(printf '{"iss":"tc-local-test-issuer","aud":"twin-catalog-node","sub":"bench","preferred_username":"bench","azp":"twin-catalog-cli","org":"%s","org_kind":"city","realm_access":{"roles":["publisher"]},"iat":%d,"exp":%d}' "$ORG" "$NOW" $((NOW + 7200)) | b64url)
SIG=$(printf '%s.%s' "$HEADER" "$PAYLOAD" | openssl dgst -sha256 -sign "$KEY" -binary | b64url)
TOKEN="$HEADER.$PAYLOAD.$SIG"

# --- the node
NODE_PORT=$(free_port)
mkdir -p "$WORK/data"
TC_DATA_DIR="$WORK/data" QUARKUS_HTTP_PORT=$NODE_PORT \
QUARKUS_OIDC_PUBLIC_KEY="$PUBLIC_KEY" QUARKUS_OIDC_TOKEN_ISSUER=tc-local-test-issuer \
QUARKUS_OIDC_AUTH_SERVER_URL= \
    java -Xmx512m -jar node/target/quarkus-app/quarkus-run.jar >"$WORK/node.log" 2>&1 &
NODE_PID=$!
NODE=http://127.0.0.1:$NODE_PORT
for _ in $(seq 120); do curl -sf "$NODE/api/v1/catalog" >/dev/null && break; sleep 0.5; done
curl -sf "$NODE/api/v1/catalog" >/dev/null || { tail -30 "$WORK/node.log"; exit 1; }
AUTH=(-H "Authorization: Bearer $TOKEN")
curl -sS --fail-with-body "${AUTH[@]}" -H 'Content-Type: application/json' "$NODE/api/v1/organizations" -d '{
  "id":"'$ORG'","kind":"municipality","country":"JP","areaCode":"13100","name":{"en":"Bench city"}}' >/dev/null
curl -sS --fail-with-body "${AUTH[@]}" -H 'Content-Type: application/json' "$NODE/api/v1/datasets" -d '{
  "id":"bench-big","publisher":"'$ORG'","title":{"en":"Bench file"},"description":{"en":"Random bytes."},
  "spatial":{"adminAreas":["13100"]},"accessRights":"public",
  "distributions":[{"id":"big","accessUrl":"https://example.org/big","title":{"en":"big"}}]}' >/dev/null

# --- the file: random bytes (incompressible), uploaded to the node, hard-linked for nginx
mkdir -p "$WORK/www" "$WORK/nginx-tmp"
chmod 755 "$WORK" "$WORK/www" # nginx workers run as an unprivileged user
head -c $((SIZE_MB * 1024 * 1024)) /dev/urandom >"$WORK/www/big.bin"
echo "== upload ${SIZE_MB} MiB"
curl -sS --fail-with-body "${AUTH[@]}" -H 'Content-Type: application/octet-stream' -T "$WORK/www/big.bin" \
    -o /dev/null -w 'upload: %{http_code} %{size_upload} bytes in %{time_total} s = %{speed_upload} B/s\n' \
    "$NODE/api/v1/datasets/bench-big/distributions/big/file"
NGINX_PORT=$(free_port)
sed -e "s|@WORK@|$WORK|g" -e "s|@PORT@|$NGINX_PORT|g" bench/files/nginx.conf.template >"$WORK/nginx.conf"
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK" 2>/dev/null || "$NGINX" -c "$WORK/nginx.conf" -p "$WORK"
NODE_URL="$NODE/api/v1/datasets/bench-big/distributions/big/file"
NGINX_URL="http://127.0.0.1:$NGINX_PORT/big.bin"
cmp <(curl -sf "$NODE_URL") "$WORK/www/big.bin" && echo "node download is byte-identical"

speed() { curl -sf -o /dev/null -w '%{speed_download}' "$1"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
speed "$NODE_URL" >/dev/null; speed "$NGINX_URL" >/dev/null # warm the page cache and the JIT
echo "== download ${SIZE_MB} MiB, single stream, $RUNS runs each, alternating (MiB/s)"
: >"$WORK/node.txt"; : >"$WORK/nginx.txt"
for i in $(seq "$RUNS"); do
    n=$(speed "$NODE_URL"); x=$(speed "$NGINX_URL")
    echo "$n" >>"$WORK/node.txt"; echo "$x" >>"$WORK/nginx.txt"
    awk -v i="$i" -v n="$n" -v x="$x" 'BEGIN {printf "run %d: node %.0f  nginx %.0f\n", i, n/1048576, x/1048576}'
done
N=$(median <"$WORK/node.txt"); X=$(median <"$WORK/nginx.txt")
awk -v n="$N" -v x="$X" 'BEGIN {printf "median: node %.0f MiB/s, nginx %.0f MiB/s, node/nginx = %.0f%%\n", n/1048576, x/1048576, 100*n/x}'
echo "== ranged download: 4 parallel range requests of a quarter each (MiB/s total)"
Q=$((SIZE_MB * 1024 * 1024 / 4))
for target in "$NODE_URL" "$NGINX_URL"; do
    start=$(date +%s.%N)
    pids=()
    for k in 0 1 2 3; do curl -sf -o /dev/null -r $((k * Q))-$(((k + 1) * Q - 1)) "$target" & pids+=($!); done
    wait "${pids[@]}" # not a bare wait: the node runs in the background too
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" -v b=$((SIZE_MB * 1024 * 1024)) -v t="$target" 'BEGIN {printf "%s: %.0f MiB/s\n", (t ~ /datasets/ ? "node" : "nginx"), b/1048576/(e-s)}'
done

# --- pack streaming
echo "== pack: a ${PKG_MB} MiB package (Tokyo sample + copies of its LOD2 building file)"
python3 bench/files/make_package.py "$ROOT/testdata/plateau" "$WORK/pkg.zip" "$PKG_MB" >/dev/null
curl -sS --fail-with-body "${AUTH[@]}" -H 'Content-Type: application/zip' --data-binary @"$WORK/pkg.zip" -o /dev/null \
    -w 'register: %{http_code} in %{time_total} s\n' \
    "$NODE/api/v1/packages?publisher=$ORG&accessRights=public&id=bench-pkg&name=13100_tokyo23-ku_2020_citygml_bench.zip"
FILES=$(curl -sf "$NODE/api/v1/files?dataset=bench-pkg&limit=10000" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d["items"]), d["totalBytes"])')
echo "indexed files, bytes: $FILES"
for c in stored deflate; do
    speed "$NODE/api/v1/files/pack?dataset=bench-pkg&compression=$c" >/dev/null
    curl -sf -o "$WORK/pack.zip" -w "pack $c: %{size_download} bytes in %{time_total} s = %{speed_download} B/s\n" \
        "$NODE/api/v1/files/pack?dataset=bench-pkg&compression=$c"
    python3 -c 'import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print("  entries:", len(z.namelist()))' "$WORK/pack.zip"
done
echo "== machine after"; uptime
