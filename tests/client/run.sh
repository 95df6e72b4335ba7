#!/usr/bin/env bash
# Runs the client page's tests (issue 22) in real headless Chromium:
#   a throw-away PostgreSQL (pg_virtualenv, when PGHOST is not set) -> deepbrief-server with a team,
#   a lead and an AM -> chromedriver -> node --test tests/client/
# The AM's side runs through the deepbrief CLI (target/debug/deepbrief). Build first:
#   cargo build -p deepbrief-server -p deepbrief-cli
# Screenshots and logs land in target/client-e2e/. Arguments, when given, are a command to run in
# this set-up instead of the tests (scripts/bench-client-page.sh runs its benchmark so); it gets
# CLIENT_E2E_SERVER, CLIENT_E2E_SCRATCH, CLIENT_E2E_AM_PASSWORD and WEBDRIVER_URL.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
# shellcheck source=scripts/setup.sh
source scripts/setup.sh

if [ -z "${PGHOST:-}" ] && [ -z "${DEEPBRIEF_IN_PG_VIRTUALENV:-}" ]; then
  setup_postgres
  exec pg_virtualenv -t env DEEPBRIEF_IN_PG_VIRTUALENV=1 "$0" "$@"
fi

# Chromium and its WebDriver (Debian's packages), installed when missing.
setup_debs chromium chromium-driver
command -v chromedriver >/dev/null 2>&1 || setup_die "chromedriver is missing after installing chromium-driver"

target="${CARGO_TARGET_DIR:-$PWD/target}"
server_bin="${CLIENT_E2E_SERVER_BIN:-$target/debug/deepbrief-server}"
cli_bin="${CLIENT_E2E_CLI:-$target/debug/deepbrief}"
for bin in "$server_bin" "$cli_bin"; do
  [ -x "$bin" ] || setup_die "$bin is missing: run 'cargo build -p deepbrief-server -p deepbrief-cli'"
done
# The server embeds the page's files when it is compiled: an older binary would test an older page.
for asset in crates/server/assets/client/page.html crates/server/assets/client/client.js crates/server/assets/client/client.css; do
  [ "$asset" -nt "$server_bin" ] && setup_die "$asset is newer than $server_bin: rebuild it ('cargo build -p deepbrief-server')"
done
out="$PWD/target/client-e2e"
mkdir -p "$out"

# The CLI gets its own empty data folders and settings: an AM of an agency whose name carries
# markup (the page must show it as text).
scratch="$(mktemp -d)"
export XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" XDG_CACHE_HOME="$scratch/cache"
unset DEEPBRIEF_CHECKLISTS DEEPBRIEF_DB DEEPBRIEF_AS
mkdir -p "$XDG_DATA_HOME/deepbrief"
printf '%s\n' '{"identity": {"name": "Анна Смирнова", "role": "am", "agency": "Агентство «Север» <img src=x onerror=alert(1)>"}}' \
  >"$XDG_DATA_HOME/deepbrief/settings.json"

server_pid=""
driver_pid=""
db="deepbrief_client_e2e_$$"
cleanup() {
  for pid in "$driver_pid" "$server_pid"; do
    if [ -n "$pid" ]; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  dropdb --if-exists "$db" 2>/dev/null || true
  rm -rf "$scratch"
}
trap cleanup EXIT

# A team with a lead and an AM in a fresh database; the server on a free port (it prints the address).
createdb "$db"
am_password="am-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
lead_password="lead-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
(
  export PGDATABASE="$db"
  "$server_bin" migrate >/dev/null
  "$server_bin" team add "Агентство" >/dev/null
  echo "$lead_password" | "$server_bin" user add --team "Агентство" --name lead --role lead >/dev/null
  echo "$am_password" | "$server_bin" user add --team "Агентство" --name anna --role am >/dev/null
)
# CLIENT_E2E_SERVE_ARGS: more `serve` options (the benchmark's --behind-proxy).
# shellcheck disable=SC2086
PGDATABASE="$db" RUST_LOG="${RUST_LOG:-warn}" "$server_bin" serve --listen 127.0.0.1:0 ${CLIENT_E2E_SERVE_ARGS:-} \
  >"$out/server.out" 2>"$out/server.log" &
server_pid=$!
for _ in $(seq 1 100); do
  grep -q '^listening on ' "$out/server.out" 2>/dev/null && break
  sleep 0.1
done
server="$(sed -n 's/^listening on //p' "$out/server.out" | head -1)"
[ -n "$server" ] || setup_die "deepbrief-server did not start; its log: $(cat "$out/server.log")"
setup_note "deepbrief-server for the client page tests: $server (database $db)"

# chromedriver on a free port.
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=9515
while port_busy "$port"; do
  port=$((port + 1))
  [ "$port" -lt 9615 ] || setup_die "no free port for chromedriver in 9515-9614"
done
chromedriver --port="$port" --allowed-ips=127.0.0.1 >"$out/chromedriver.log" 2>&1 &
driver_pid=$!
export WEBDRIVER_URL="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
  curl -fsS "$WEBDRIVER_URL/status" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fsS "$WEBDRIVER_URL/status" >/dev/null 2>&1 || setup_die "chromedriver did not answer; its log: $(cat "$out/chromedriver.log")"
setup_note "chromedriver $(chromedriver --version | cut -d' ' -f2) on $WEBDRIVER_URL, $(chromium --version 2>/dev/null | head -1)"

export CLIENT_E2E_SERVER="$server" CLIENT_E2E_CLI="$cli_bin" CLIENT_E2E_SCRATCH="$scratch" \
  CLIENT_E2E_OUT="$out" CLIENT_E2E_AM_PASSWORD="$am_password" CLIENT_E2E_LEAD_PASSWORD="$lead_password"
status=0
if [ "$#" -gt 0 ]; then
  "$@" || status=$?
else
  node --test --test-concurrency=1 tests/client/ || status=$?
fi
if [ "$status" -ne 0 ]; then
  echo "--- deepbrief-server log ($out/server.log), last 30 lines ---" >&2
  tail -n 30 "$out/server.log" >&2
fi
exit "$status"
