#!/usr/bin/env bash
# Typing benchmark of the release desktop app under Xvfb (figures go to docs/PERFORMANCE.md): a
# brief with every bundled checklist open, answers typed key by key through WebDriver for
# BENCH_MINUTES (default 60); memory with the brief open and its growth, keystroke to next frame,
# last keystroke to "saved". See tests/e2e/bench/typing.mjs.
#
#   scripts/bench-typing.sh                  # the scripted hour
#   BENCH_MINUTES=5 scripts/bench-typing.sh
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/setup.sh
source scripts/setup.sh
setup_test

setup_note "building the UI and the release app"
npm --prefix ui run build --silent
cargo build --release --locked -p deepbrief-desktop -p deepbrief-cli
E2E_APP="$PWD/target/release/deepbrief-desktop" tests/e2e/run.sh node tests/e2e/bench/typing.mjs
