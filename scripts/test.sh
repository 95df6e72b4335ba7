#!/usr/bin/env bash
# Runs every test of Deepbrief, installing whatever is missing first. Fails fast: the first failing
# step stops the run. Ends with a line `N passed, M failed` (CI reads it).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/setup.sh
source scripts/setup.sh

# The team server's tests talk to a real PostgreSQL. Unless one is given (PGHOST set, e.g. by a
# developer's own cluster), install PostgreSQL when missing and run the whole suite inside
# `pg_virtualenv`: a throw-away cluster, its PGHOST/PGPORT/PGUSER/PGPASSWORD exported, stopped and
# removed when the run ends, whatever its outcome.
if [ -z "${PGHOST:-}" ] && [ -z "${DEEPBRIEF_IN_PG_VIRTUALENV:-}" ]; then
  setup_postgres
  setup_note "starting a throw-away PostgreSQL cluster (pg_virtualenv) for the run"
  exec pg_virtualenv -t env DEEPBRIEF_IN_PG_VIRTUALENV=1 "$0" "$@"
fi

# insta: never write snapshots in a test run; a changed snapshot is a failure (CI semantics).
export INSTA_UPDATE=no
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-auto}"

PASSED=0
TIMES=()
if [ -t 1 ]; then BOLD=$'\033[1m' RED=$'\033[1;31m' GREEN=$'\033[32m' RESET=$'\033[0m'; else
  BOLD="" RED="" GREEN="" RESET=""
fi
RUN_START=${EPOCHREALTIME/./}

# Microseconds since $1 as seconds with one decimal, e.g. `12.3`.
elapsed() {
  local us=$((${EPOCHREALTIME/./} - $1))
  printf '%d.%d' $((us / 1000000)) $((us % 1000000 / 100000))
}

# One line: the outcome, then every step that ran with its time.
summary() {
  local joined="" t
  for t in "${TIMES[@]}"; do joined+="${joined:+, }$t"; done
  printf '\nsummary: %s in %s s: %s\n' "$1" "$(elapsed "$RUN_START")" "$joined"
}

# step NAME COMMAND...: runs one step under a banner (name and command), timed; stops the run when
# it fails.
step() {
  local name=$1
  shift
  local start=${EPOCHREALTIME/./}
  printf '\n%s=== [%d] %s: %s%s\n' "$BOLD" $((PASSED + 1)) "$name" "$*" "$RESET"
  local rc=0
  set +e
  (
    set -euo pipefail
    "$@"
  )
  rc=$?
  set -e
  local took
  took=$(elapsed "$start")
  if [ "$rc" -ne 0 ]; then
    printf '\n%s=== FAILED: %s (exit %d, %s s)%s\n' "$RED" "$name" "$rc" "$took" "$RESET"
    TIMES+=("$name FAILED")
    summary "FAILED at \"$name\""
    printf '%d passed, 1 failed\n' "$PASSED"
    exit "$rc"
  fi
  PASSED=$((PASSED + 1))
  TIMES+=("$name ${took} s")
  printf '%s=== ok: %s (%s s)%s\n' "$GREEN" "$name" "$took" "$RESET"
}

# The generated TypeScript bindings and JSON Schema must be committed and current: `cargo test`
# regenerates them, so any difference here means someone forgot to commit the new version.
generated_files_current() {
  local paths=(ui/src/lib/bindings checklists/checklist.schema.json)
  if ! command -v git >/dev/null 2>&1 || ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    echo "note: not in a git work tree (or git is missing); skipping the check that generated files are committed"
    return 0
  fi
  local untracked
  untracked="$(git ls-files --others --exclude-standard -- "${paths[@]}")"
  if [ -n "$untracked" ]; then
    echo "generated files are not committed (git add them):"
    echo "$untracked"
    return 1
  fi
  if ! git diff --exit-code -- "${paths[@]}"; then
    echo "generated files changed when the tests ran: commit the regenerated versions above"
    return 1
  fi
  echo "generated TypeScript bindings and JSON Schema are committed and current"
}

# `cargo audit` checks Cargo.lock against the RustSec advisory database, which is published only as
# a git repository on GitHub. This project's machines cannot reach GitHub, so a snapshot is kept
# beside the repository at ../shared/advisory-db (its SNAPSHOT.txt says which commit); CI runs in a
# fresh clone with shared/ beside it. The snapshot is used when it is there, a fresh fetch where
# GitHub answers; with neither the step fails (it is never skipped). A vulnerability fails the run;
# advisories that cannot be fixed by an upgrade and cannot be reached from our inputs are listed,
# each with its reason, in .cargo/audit.toml. Unmaintained-crate warnings are shown, not fatal.
ADVISORY_DB=https://github.com/rustsec/advisory-db.git
ADVISORY_SNAPSHOT="$(cd .. && pwd)/shared/advisory-db"
advisory_db_reachable() {
  command -v git >/dev/null 2>&1 && timeout 20 git ls-remote --heads "$ADVISORY_DB" >/dev/null 2>&1
}
audit_dependencies() {
  command -v cargo-audit >/dev/null 2>&1 || cargo install cargo-audit --locked
  if [ -d "$ADVISORY_SNAPSHOT" ]; then
    setup_note "cargo audit against the snapshot $ADVISORY_SNAPSHOT ($(head -c 80 "$ADVISORY_SNAPSHOT/SNAPSHOT.txt" 2>/dev/null || echo 'no SNAPSHOT.txt'))"
    cargo audit --db "$ADVISORY_SNAPSHOT" --no-fetch --stale
  elif advisory_db_reachable; then
    cargo audit
  else
    echo "no RustSec advisory database: no snapshot at $ADVISORY_SNAPSHOT and $ADVISORY_DB cannot be reached" >&2
    return 1
  fi
}

# Order: cheap checks first. The UI is built before anything compiles src-tauri (clippy, cargo
# test): Tauri embeds ui/dist at compile time and refuses to compile when it does not exist.
step setup setup_test
step fmt cargo fmt --all --check
step svelte-check npm --prefix ui run check
step vitest npm --prefix ui run test
step "ui build" npm --prefix ui run build
step clippy cargo clippy --workspace --all-targets --locked -- -D warnings
step "cargo test" cargo test --workspace --locked
step "cargo audit" audit_dependencies
step "generated files" generated_files_current
# The e2e feature compiles in the tests' stand-in for file dialogs (`--e2e-pick`); release builds
# (scripts/run.sh, packages) are built without it.
step "app build" cargo build --locked -p deepbrief-desktop -p deepbrief-cli -p deepbrief-server --features deepbrief-desktop/e2e
step "checklist lint" ./target/debug/deepbrief checklist lint checklists/ tests/client/checklists/
# The client page (issue 22) in headless Chromium against the real server and CLI just built; also
# type-checks its script against the generated bindings.
step "client page" tests/client/run.sh
step e2e tests/e2e/run.sh
# The .deb installs, its installed app passes the smoke and open-file tests, removal keeps user data;
# the .rpm builds (docs/releasing.md).
step packages tests/package/install-test.sh

summary "all $PASSED steps passed"
printf '%d passed, 0 failed\n' "$PASSED"
