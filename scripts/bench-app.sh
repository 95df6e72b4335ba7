#!/usr/bin/env bash
# Start-up and memory benchmark of the release desktop app under Xvfb (figures go to
# docs/PERFORMANCE.md). Each run starts the app on fresh, empty data folders, waits until the UI
# reports its first screen interactive (the `ui_ready` command writes the wall-clock time to
# $DEEPBRIEF_READY_FILE), then sums the PSS of the app and its WebKit processes.
#
#   scripts/bench-app.sh            # 20 runs
#   RUNS=5 scripts/bench-app.sh
#   BENCH_DB=target/tmp/board-bench-v4-1000.db scripts/bench-app.sh   # on 1,000 briefs
#   BENCH_APP=/tmp/old/deepbrief-desktop scripts/bench-app.sh          # another build
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/setup.sh
source scripts/setup.sh
setup_app

runs="${RUNS:-20}"
# BENCH_APP=PATH: time that binary instead of building this checkout's (to compare two builds).
# BENCH_DB=PATH: every run starts on a fresh copy of that database instead of an empty data folder.
if [ -n "${BENCH_APP:-}" ]; then
  app="$BENCH_APP"
else
  setup_note "building the UI and the release app"
  npm --prefix ui run build --silent
  cargo build --release --locked -p deepbrief-desktop
  app="$PWD/target/release/deepbrief-desktop"
fi

scratch="$(mktemp -d)"
cleanup() {
  setup_stop_xvfb
  rm -rf "$scratch"
}
trap cleanup EXIT
setup_display

# Every process in the tree under $1 (the app and the WebKit web and network processes it starts).
tree() {
  local pid=$1 child
  echo "$pid"
  for child in $(pgrep -P "$pid" || true); do tree "$child"; done
}

# Sum of the proportional set sizes of the tree under $1, in kB.
pss_kb() {
  local total=0 pid kb
  for pid in $(tree "$1"); do
    kb="$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || true)"
    total=$((total + ${kb:-0}))
  done
  echo "$total"
}

starts=()
pss=()
for i in $(seq 1 "$runs"); do
  run="$scratch/run$i"
  mkdir -p "$run"
  ready="$run/ready"
  args=()
  if [ -n "${BENCH_DB:-}" ]; then
    mkdir -p "$run/db"
    cp "$BENCH_DB" "$run/db/deepbrief.db"
    args=(--db "$run/db/deepbrief.db")
  fi
  t0=$(date +%s%N)
  XDG_DATA_HOME="$run/data" XDG_CONFIG_HOME="$run/config" XDG_CACHE_HOME="$run/cache" \
    DEEPBRIEF_READY_FILE="$ready" "$app" "${args[@]}" >"$run/app.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 6000); do
    [ -s "$ready" ] && break
    kill -0 "$pid" 2>/dev/null || setup_die "the app exited before its first screen; log: $(cat "$run/app.log")"
    sleep 0.005
  done
  [ -s "$ready" ] || setup_die "no first screen within 30 s"
  ms=$((($(cat "$ready") - t0) / 1000000))
  sleep 1 # let the page settle before reading memory
  kb=$(pss_kb "$pid")
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  starts+=("$ms")
  pss+=("$kb")
  printf 'run %2d: first screen after %4d ms, PSS %6d kB\n' "$i" "$ms" "$kb"
done

# p-th percentile (nearest rank) of the numbers on stdin.
percentile() { sort -n | awk -v p="$1" '{a[NR]=$1} END {i=int((p/100)*NR+0.999); if (i<1) i=1; print a[i]}'; }
printf '\ncold start to first interactive screen over %d runs: p50 %s ms, p95 %s ms, min %s ms, max %s ms\n' \
  "$runs" \
  "$(printf '%s\n' "${starts[@]}" | percentile 50)" "$(printf '%s\n' "${starts[@]}" | percentile 95)" \
  "$(printf '%s\n' "${starts[@]}" | percentile 0)" "$(printf '%s\n' "${starts[@]}" | percentile 100)"
printf 'memory (PSS, app + WebKit processes) on the first screen: p50 %s MB\n' \
  "$(($(printf '%s\n' "${pss[@]}" | percentile 50) / 1024))"
