#!/usr/bin/env bash
# Runs the end-to-end tests against the real desktop app:
#   Xvfb (when there is no display) -> tauri-driver -> WebKitWebDriver -> target/debug/deepbrief-desktop
# Build the UI and the app first (scripts/test.sh does): npm --prefix ui run build &&
# cargo build -p deepbrief-desktop --features e2e (the feature compiles in `--e2e-pick`, the tests'
# stand-in for the native file dialogs; release builds never have it). Logs and the screenshot land
# in target/e2e/.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
# shellcheck source=scripts/setup.sh
source scripts/setup.sh

# team.test.mjs signs the app in to a real team server, which needs PostgreSQL: without one given
# (PGHOST), run inside a throw-away cluster (scripts/test.sh already does).
if [ -z "${PGHOST:-}" ] && [ -z "${DEEPBRIEF_IN_PG_VIRTUALENV:-}" ]; then
  setup_postgres
  exec pg_virtualenv -t env DEEPBRIEF_IN_PG_VIRTUALENV=1 "$0" "$@"
fi

# E2E_APP picks another build (the benchmarks use the release one); arguments, when given, are the
# command to run instead of the tests (scripts/bench-typing.sh).
app="${E2E_APP:-$PWD/target/debug/deepbrief-desktop}"
out="$PWD/target/e2e"
build_hint="npm --prefix ui run build && cargo build -p deepbrief-desktop --features e2e"
[ -x "$app" ] || setup_die "$app is missing: run '$build_hint'"
# The tests pick files through `--e2e-pick`, which only an `e2e` build understands (a build without it
# would open a native dialog no one can answer). Other commands (benchmarks) run any build.
if [ "$#" -eq 0 ] && ! grep -qa -- '--e2e-pick' "$app"; then
  setup_die "$app was built without the e2e feature: run '$build_hint'"
fi
command -v tauri-driver >/dev/null 2>&1 || setup_die "tauri-driver is missing: run 'cargo install tauri-driver --locked'"
command -v WebKitWebDriver >/dev/null 2>&1 || setup_die "WebKitWebDriver is missing: apt-get install webkit2gtk-driver"
mkdir -p "$out"

# The app gets its own empty data folders: the tests never see (or touch) the user's briefs,
# settings or agency checklists, and only the bundled checklists load.
scratch="$(mktemp -d)"
export XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" XDG_CACHE_HOME="$scratch/cache"
unset DEEPBRIEF_CHECKLISTS
# Someone is named, so the first-launch question does not cover the window; trust.test.mjs removes
# the file to see the question (tests run one at a time).
mkdir -p "$XDG_DATA_HOME/deepbrief"
printf '%s\n' '{"identity": {"name": "Тестовый менеджер", "role": "am", "agency": "Тест"}}' \
  >"$XDG_DATA_HOME/deepbrief/settings.json"

driver_pid=""
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [ -n "$driver_pid" ]; then
    kill "$driver_pid" 2>/dev/null || true
    wait "$driver_pid" 2>/dev/null || true
  fi
  setup_stop_xvfb
  rm -rf "$scratch"
}
trap cleanup EXIT

setup_display

# A team server for team.test.mjs: a fresh database in the cluster, a team with an AM, the server on
# a free port (it prints the address it bound).
server_bin="$PWD/target/debug/deepbrief-server"
[ -x "$server_bin" ] || setup_die "$server_bin is missing: run 'cargo build -p deepbrief-server'"
e2e_db="deepbrief_e2e_$$"
createdb "$e2e_db"
export DEEPBRIEF_TEST_PASSWORD="e2e-password-$$"
(
  export PGDATABASE="$e2e_db"
  "$server_bin" migrate >/dev/null
  "$server_bin" team add "Агентство" >/dev/null
  echo "$DEEPBRIEF_TEST_PASSWORD" | "$server_bin" user add --team "Агентство" --name anna --role am >/dev/null
)
export DEEPBRIEF_TEST_USER=anna
PGDATABASE="$e2e_db" RUST_LOG=warn "$server_bin" serve --listen 127.0.0.1:0 >"$out/server.out" 2>"$out/server.log" &
server_pid=$!
for _ in $(seq 1 100); do
  grep -q '^listening on ' "$out/server.out" 2>/dev/null && break
  sleep 0.1
done
DEEPBRIEF_TEST_SERVER="$(sed -n 's/^listening on //p' "$out/server.out" | head -1)"
[ -n "$DEEPBRIEF_TEST_SERVER" ] || setup_die "the team server did not start; its log: $(cat "$out/server.log")"
export DEEPBRIEF_TEST_SERVER
setup_note "team server for the e2e tests: $DEEPBRIEF_TEST_SERVER (database $e2e_db)"

# Something already listening on a port? (bash's /dev/tcp connects; a refused connection = free)
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# tauri-driver listens on PORT and talks to WebKitWebDriver on PORT+1: 4444/4445 unless taken.
port=4444
while port_busy "$port" || port_busy $((port + 1)); do
  port=$((port + 2))
  [ "$port" -lt 4544 ] || setup_die "no free port pair found in 4444-4543 for tauri-driver"
done

log="$out/tauri-driver.log"
tauri-driver --port "$port" --native-port $((port + 1)) >"$log" 2>&1 &
driver_pid=$!
export WEBDRIVER_URL="http://127.0.0.1:$port"

# Wait (up to 30 s) until the driver answers GET /status.
if ! node -e '
  const url = process.argv[1] + "/status";
  const deadline = Date.now() + 30000;
  (async () => {
    for (;;) {
      try {
        const r = await fetch(url, { signal: AbortSignal.timeout(2000) });
        if (r.ok) return;
      } catch {}
      if (Date.now() > deadline) process.exit(1);
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
' "$WEBDRIVER_URL"; then
  echo "tauri-driver did not answer on $WEBDRIVER_URL/status within 30 s; its log:" >&2
  cat "$log" >&2
  exit 1
fi
setup_note "tauri-driver is up on $WEBDRIVER_URL (display ${DISPLAY:-none}${WAYLAND_DISPLAY:+, wayland $WAYLAND_DISPLAY})"

status=0
# One app at a time: the tests share the display, and each starts its own window.
if [ "$#" -gt 0 ]; then
  E2E_APP="$app" E2E_OUT_DIR="$out" "$@" || status=$?
else
  E2E_APP="$app" E2E_OUT_DIR="$out" node --test --test-concurrency=1 tests/e2e/ || status=$?
fi
if [ "$status" -ne 0 ]; then
  echo "--- tauri-driver log ($log), last 40 lines ---" >&2
  tail -n 40 "$log" >&2
fi
exit "$status"
