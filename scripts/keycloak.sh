#!/usr/bin/env bash
# Provision and run the real Keycloak server used by twin-catalog (dev, tests, CI).
#
#   scripts/keycloak.sh fetch          download the Keycloak distribution (once) into the cache
#   scripts/keycloak.sh start [port] [management-port]
#                                      start it on 127.0.0.1 (default port 8180; management and
#                                      health on port+1) with the realm imported
#   scripts/keycloak.sh stop           stop the instance started by 'start'
#   scripts/keycloak.sh status         say whether it runs, and where
#
# Environment:
#   TC_CACHE_DIR            cache directory (default: $HOME/.cache/twin-catalog)
#   TC_KEYCLOAK_JAVA_HOME   JDK >= 21 to run Keycloak with (default: newest JDK >= 21 under /usr/lib/jvm)
#   TC_KEYCLOAK_TIMEOUT     seconds to wait for the realm to answer (default: 180)
#   TC_KEYCLOAK_RUN_DIR     where the pid, port and log files go (default: $TC_CACHE_DIR/run); one
#                           directory per instance, so tests can run their own next to this one
set -euo pipefail

readonly KC_VERSION="26.4.5"
readonly KC_ARTIFACT="org.keycloak:keycloak-quarkus-dist:${KC_VERSION}:zip"
readonly REALM="twin-catalog"
readonly ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REALM_FILE="${ROOT_DIR}/keycloak/twin-catalog-realm.json"
readonly CACHE_DIR="${TC_CACHE_DIR:-$HOME/.cache/twin-catalog}"
readonly KC_HOME="${CACHE_DIR}/keycloak-${KC_VERSION}"
readonly RUN_DIR="${TC_KEYCLOAK_RUN_DIR:-${CACHE_DIR}/run}"
readonly PID_FILE="${RUN_DIR}/keycloak.pid"
readonly PORT_FILE="${RUN_DIR}/keycloak.port"
readonly LOG_FILE="${RUN_DIR}/keycloak.log"
readonly TIMEOUT="${TC_KEYCLOAK_TIMEOUT:-180}"

die() {
  echo "keycloak.sh: $*" >&2
  exit 1
}

# Prints the major version of the JDK at $1, or nothing when $1 is not a JDK.
java_major() {
  local release="$1/release"
  [[ -x "$1/bin/java" && -f "$release" ]] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
}

# Prints the JDK >= 21 that runs Keycloak, or fails saying what is missing.
find_java_home() {
  if [[ -n "${TC_KEYCLOAK_JAVA_HOME:-}" ]]; then
    local major
    major="$(java_major "$TC_KEYCLOAK_JAVA_HOME")"
    [[ -n "$major" && "$major" -ge 21 ]] \
      || die "TC_KEYCLOAK_JAVA_HOME=$TC_KEYCLOAK_JAVA_HOME is not a JDK >= 21 (found: ${major:-no JDK})"
    echo "$TC_KEYCLOAK_JAVA_HOME"
    return
  fi
  local best="" best_major=0 dir major
  for dir in /usr/lib/jvm/*; do
    [[ -L "$dir" ]] && continue
    major="$(java_major "$dir")"
    if [[ -n "$major" && "$major" -ge 21 && "$major" -gt "$best_major" ]]; then
      best="$dir"
      best_major="$major"
    fi
  done
  [[ -n "$best" ]] || die "Keycloak ${KC_VERSION} needs a JDK >= 21: none under /usr/lib/jvm. \
Install one (e.g. a Temurin JDK 21 or 25) or set TC_KEYCLOAK_JAVA_HOME to its directory."
  echo "$best"
}

cmd_fetch() {
  if [[ -x "${KC_HOME}/bin/kc.sh" ]]; then
    return 0
  fi
  mkdir -p "${CACHE_DIR}"
  local zip="${CACHE_DIR}/keycloak-quarkus-dist-${KC_VERSION}.zip"
  if [[ ! -f "$zip" ]]; then
    echo "Downloading ${KC_ARTIFACT} ..."
    (cd "${ROOT_DIR}" && ./mvnw -q -N dependency:copy -Dartifact="${KC_ARTIFACT}" \
      -DoutputDirectory="${CACHE_DIR}" -Dmdep.stripVersion=false)
  fi
  [[ -f "$zip" ]] || die "download did not produce $zip"
  local tmp="${CACHE_DIR}/keycloak-${KC_VERSION}.unzipping.$$"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  unzip -q "$zip" -d "$tmp"
  # Move into place atomically so a concurrent fetch never sees half a distribution.
  mv "$tmp/keycloak-${KC_VERSION}" "${KC_HOME}" 2>/dev/null || [[ -x "${KC_HOME}/bin/kc.sh" ]]
  rm -rf "$tmp"
  echo "Keycloak ${KC_VERSION} is in ${KC_HOME}"
}

running_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$PID_FILE")"
  kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

issuer_url() {
  echo "http://127.0.0.1:$1/realms/${REALM}"
}

cmd_start() {
  local port="${1:-8180}"
  local management_port="${2:-$((port + 1))}"
  if running_pid >/dev/null; then
    echo "Keycloak already runs (pid $(cat "$PID_FILE")) at $(issuer_url "$(cat "$PORT_FILE")")"
    return 0
  fi
  cmd_fetch
  local java_home
  java_home="$(find_java_home)"
  [[ -f "$REALM_FILE" ]] || die "realm file $REALM_FILE is missing"
  mkdir -p "$RUN_DIR" "${KC_HOME}/data/import"
  # Instances share one distribution: start them one at a time (the dev start rewrites lib/quarkus).
  exec 9>"${CACHE_DIR}/keycloak-start.lock"
  flock 9
  cp "$REALM_FILE" "${KC_HOME}/data/import/${REALM}-realm.json"

  local started
  started="$(date +%s%N)"
  JAVA_HOME="$java_home" KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}" \
    KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}" \
    setsid nohup "${KC_HOME}/bin/kc.sh" start-dev --import-realm \
    --http-host=127.0.0.1 --http-port="$port" --http-management-port="$management_port" \
    --hostname-strict=false --health-enabled=true --db=dev-mem \
    >"$LOG_FILE" 2>&1 9>&- &
  echo $! >"$PID_FILE"
  echo "$port" >"$PORT_FILE"

  local url
  url="$(issuer_url "$port")/.well-known/openid-configuration"
  local deadline=$((SECONDS + TIMEOUT))
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    if ! running_pid >/dev/null; then
      tail -n 40 "$LOG_FILE" >&2 || true
      die "Keycloak exited during start-up (log: $LOG_FILE)"
    fi
    if ((SECONDS >= deadline)); then
      tail -n 40 "$LOG_FILE" >&2 || true
      cmd_stop >/dev/null || true
      die "Keycloak did not answer $url within ${TIMEOUT}s (log: $LOG_FILE)"
    fi
    sleep 0.5
  done
  flock -u 9
  local elapsed_ms=$((($(date +%s%N) - started) / 1000000))
  echo "Keycloak ${KC_VERSION} started in $((elapsed_ms / 1000)).$(printf '%03d' $((elapsed_ms % 1000)))s (java: $java_home)"
  echo "Issuer: $(issuer_url "$port")"
  echo "Admin console: http://127.0.0.1:${port}/admin (admin/admin, dev only)"
  echo "Demo users: see keycloak/README.md"
}

cmd_stop() {
  local pid
  if ! pid="$(running_pid)"; then
    echo "Keycloak is not running"
    rm -f "$PID_FILE"
    return 0
  fi
  kill "$pid"
  local i
  for i in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$PID_FILE"
  echo "Keycloak stopped (pid $pid)"
}

cmd_status() {
  local pid
  if pid="$(running_pid)"; then
    echo "Keycloak runs (pid $pid) at $(issuer_url "$(cat "$PORT_FILE")")"
  else
    echo "Keycloak is not running"
    return 3
  fi
}

case "${1:-}" in
  fetch) cmd_fetch ;;
  start) cmd_start "${2:-}" "${3:-}" ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  java-home) find_java_home ;;
  home) cmd_fetch >/dev/null && echo "${KC_HOME}" ;;
  *)
    echo "usage: $0 {fetch|start [port]|stop|status|java-home|home}" >&2
    exit 2
    ;;
esac
