#!/usr/bin/env bash
# The client page's benchmark (issue 22), on this machine, with nothing kept: a throw-away
# PostgreSQL cluster, a release deepbrief-server with a team and an AM, the AM's brief, follow-up and
# links made with the release deepbrief CLI, headless Chromium over chromedriver — all set up by
# tests/client/run.sh — and scripts/bench-client-page.mjs against them. Prints the figures recorded in
# docs/PERFORMANCE.md, "Client page (issue 22)", and writes target/client-e2e/bench.{md,json}.
#
#   scripts/bench-client-page.sh                      # 20 cold loads per row, 200 + 10×50 saves
#   LOADS=5 SAVES=50 PER_CLIENT=10 scripts/bench-client-page.sh   # a quick run
#   PROFILE=debug scripts/bench-client-page.sh        # against the debug build (no release build)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/setup.sh
source scripts/setup.sh

PROFILE=${PROFILE:-release}
if [ -z "${DEEPBRIEF_IN_PG_VIRTUALENV:-}" ] && [ "$PROFILE" = release ]; then
  command -v cargo >/dev/null 2>&1 || setup_die "cargo not found: install Rust (https://rustup.rs)"
  setup_note "building deepbrief-server and the deepbrief CLI (release)"
  cargo build --release --locked -q -p deepbrief-server -p deepbrief-cli
fi
export CLIENT_E2E_SERVER_BIN="$PWD/target/$PROFILE/deepbrief-server" CLIENT_E2E_CLI="$PWD/target/$PROFILE/deepbrief"
# The server logs every request at `info`, as in production. --behind-proxy: the simulated clients
# each name their own address in X-Forwarded-For (ten clients are ten networks, not one address
# sharing the per-address rate limit).
export RUST_LOG=${RUST_LOG:-info} CLIENT_E2E_SERVE_ARGS=--behind-proxy
CHROMIUM_VERSION="$(chromium --version 2>/dev/null | head -1 | cut -d' ' -f2 || true)"
export CHROMIUM_VERSION
exec tests/client/run.sh node scripts/bench-client-page.mjs "$@"
