#!/usr/bin/env bash
# Builds and starts the Deepbrief desktop app, installing whatever is missing first.
# Extra arguments go to the app, e.g. `./scripts/run.sh --checklists ~/agency-checklists`.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/setup.sh
source scripts/setup.sh

setup_app

setup_note "building the UI (npm --prefix ui run build)"
npm --prefix ui run build --silent

setup_note "building the desktop app (cargo build -p deepbrief-desktop)"
cargo build -p deepbrief-desktop

# No display (a server, a container, CI): run the window on a virtual X server.
trap setup_stop_xvfb EXIT
setup_display

setup_note "starting Deepbrief (bundled checklists: $PWD/checklists; your data: ${XDG_DATA_HOME:-$HOME/.local/share}/deepbrief)"
# In the background rather than `exec`: when the app closes, or this script is stopped (Ctrl-C,
# kill), the app is stopped too and the EXIT trap stops Xvfb.
./target/debug/deepbrief-desktop "$@" &
app_pid=$!
trap 'kill "$app_pid" 2>/dev/null || true' INT TERM HUP
status=0
wait "$app_pid" || status=$?
# A signal interrupts `wait` before the app has gone: wait for it to exit.
while kill -0 "$app_pid" 2>/dev/null; do wait "$app_pid" || true; done
exit "$status"
