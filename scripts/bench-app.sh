#!/usr/bin/env bash
# Start-up and memory benchmark of the release desktop app under Xvfb (figures go to
# docs/PERFORMANCE.md), side by side with its floor: a blank Tauri window built from the same Tauri
# and WebKitGTK with the same web view settings (bench/blank-window). Runs alternate between the two,
# started the same way. Each run starts on fresh, empty data folders, waits until the page reports
# its first screen (the app's `ui_ready` once its first screen is interactive, the blank window's
# `ready` after its first painted frame; both write the wall-clock time to $DEEPBRIEF_READY_FILE),
# then sums the PSS of the process and its WebKit processes.
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
setup_note "building the blank window (the floor)"
cargo build --release --locked -p deepbrief-blank-window
blank="$PWD/target/release/deepbrief-blank-window"

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

# measure NAME APP [ARGS...]: one cold start; prints "MS KB".
measure() {
  local name=$1 app=$2
  shift 2
  local run
  run="$(mktemp -d "$scratch/$name.XXXX")"
  local ready="$run/ready" args=("$@")
  if [ -n "${BENCH_DB:-}" ] && [ "$name" = app ]; then
    mkdir -p "$run/db"
    cp "$BENCH_DB" "$run/db/deepbrief.db"
    args+=(--db "$run/db/deepbrief.db")
  fi
  local t0 pid
  t0=$(date +%s%N)
  XDG_DATA_HOME="$run/data" XDG_CONFIG_HOME="$run/config" XDG_CACHE_HOME="$run/cache" \
    DEEPBRIEF_READY_FILE="$ready" "$app" "${args[@]}" >"$run/app.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 6000); do
    [ -s "$ready" ] && break
    kill -0 "$pid" 2>/dev/null || setup_die "$name exited before its first screen; log: $(cat "$run/app.log")"
    sleep 0.005
  done
  [ -s "$ready" ] || setup_die "$name: no first screen within 30 s"
  local ms=$((($(cat "$ready") - t0) / 1000000))
  sleep 1 # let the page settle before reading memory
  local kb
  kb=$(pss_kb "$pid")
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "$ms $kb"
}

starts=()
pss=()
blank_starts=()
blank_pss=()
for i in $(seq 1 "$runs"); do
  read -r bms bkb < <(measure blank "$blank")
  read -r ms kb < <(measure app "$app")
  blank_starts+=("$bms")
  blank_pss+=("$bkb")
  starts+=("$ms")
  pss+=("$kb")
  printf 'run %2d: blank window %4d ms, PSS %6d kB | Deepbrief %4d ms, PSS %6d kB\n' "$i" "$bms" "$bkb" "$ms" "$kb"
done

# p-th percentile (nearest rank) of the numbers on stdin.
percentile() { sort -n | awk -v p="$1" '{a[NR]=$1} END {i=int((p/100)*NR+0.999); if (i<1) i=1; print a[i]}'; }
p() { printf '%s\n' "${@:2}" | percentile "$1"; }
row() { # row NAME STARTS... -- PSS...
  local name=$1
  shift
  local starts_=() pss_=()
  while [ "$1" != -- ]; do starts_+=("$1"); shift; done
  shift
  pss_=("$@")
  printf '%-14s first screen p50 %5s ms, p95 %5s ms, min %5s ms, max %5s ms; memory (PSS) p50 %4s MB\n' \
    "$name" "$(p 50 "${starts_[@]}")" "$(p 95 "${starts_[@]}")" "$(p 0 "${starts_[@]}")" \
    "$(p 100 "${starts_[@]}")" "$(($(p 50 "${pss_[@]}") / 1024))"
}
printf '\ncold start to the first screen over %d runs each, alternating:\n' "$runs"
row "blank window" "${blank_starts[@]}" -- "${blank_pss[@]}"
row "Deepbrief" "${starts[@]}" -- "${pss[@]}"
app50=$(p 50 "${starts[@]}")
blank50=$(p 50 "${blank_starts[@]}")
printf 'ratio: Deepbrief first screen / blank window first paint = %s (goal <= 1.25)\n' \
  "$(awk -v a="$app50" -v b="$blank50" 'BEGIN {printf "%.2f", a / b}')"
printf 'memory: Deepbrief - blank window = %s MB on the first screen\n' \
  "$((($(p 50 "${pss[@]}") - $(p 50 "${blank_pss[@]}")) / 1024))"
