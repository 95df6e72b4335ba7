#!/usr/bin/env bash
# The team server's load benchmark (issue 21), on this machine, with nothing kept: a throw-away
# PostgreSQL cluster (Debian's pg_virtualenv, installed when missing), a fresh database, the server
# (release build) on a free port of 127.0.0.1, two teams — `load` (50 AMs and a lead) and
# `thousand` (20 AMs and a lead) — and crates/server/examples/load.rs against it. Prints the figures
# recorded in docs/PERFORMANCE.md, "Team server (issue 21)".
#
#   scripts/bench-server.sh [ARGS FOR THE EXAMPLE…]
#   AMS=4 BIG_AMS=2 scripts/bench-server.sh --answers 20 --big-briefs 20     # a quick run
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/setup.sh
source scripts/setup.sh

# Users of the two teams (the example's --ams and --big-ams).
AMS=${AMS:-50}
BIG_AMS=${BIG_AMS:-20}

if [ -z "${DEEPBRIEF_IN_PG_VIRTUALENV:-}" ]; then
  setup_postgres
  command -v cargo >/dev/null 2>&1 || setup_die "cargo not found: install Rust (https://rustup.rs)"
  setup_note "building deepbrief-server and the load example (release)"
  cargo build --release --locked -q -p deepbrief-server --bin deepbrief-server --example load
  setup_note "starting a throw-away PostgreSQL cluster (pg_virtualenv)"
  exec pg_virtualenv env DEEPBRIEF_IN_PG_VIRTUALENV=1 "$0" "$@"
fi

server=target/release/deepbrief-server
load=target/release/examples/load
export DATABASE_URL="host=$PGHOST port=$PGPORT user=$PGUSER password=$PGPASSWORD dbname=bench"
createdb bench

WORK=$(mktemp -d "${TMPDIR:-/tmp}/deepbrief-bench.XXXXXX")
SERVER_PID=
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

"$server" migrate
export LOAD_PASSWORD="bench-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
"$server" team add load >/dev/null
"$server" team add thousand >/dev/null
setup_note "adding $AMS + $BIG_AMS AMs and two leads (one Argon2 hash each)"
for i in $(seq -f '%02g' 1 "$AMS"); do
  echo "$LOAD_PASSWORD" | "$server" user add --team load --name "am$i" --role am >/dev/null
done
echo "$LOAD_PASSWORD" | "$server" user add --team load --name load-lead --role lead >/dev/null
for i in $(seq -f '%02g' 1 "$BIG_AMS"); do
  echo "$LOAD_PASSWORD" | "$server" user add --team thousand --name "big$i" --role am >/dev/null
done
echo "$LOAD_PASSWORD" | "$server" user add --team thousand --name big-lead --role lead >/dev/null

# The server picks a free port and prints `listening on http://ADDR`; its request log goes to a file.
: >"$WORK/server.out"
"$server" serve --listen 127.0.0.1:0 >>"$WORK/server.out" 2>"$WORK/server.log" &
SERVER_PID=$!
URL=
for _ in $(seq 1 100); do
  URL=$(sed -n 's/^listening on //p' "$WORK/server.out" | head -n1)
  [ -n "$URL" ] && curl -fsS "$URL/health" >/dev/null 2>&1 && break
  URL=
  sleep 0.1
done
[ -n "$URL" ] || setup_die "the server did not start: $(cat "$WORK/server.out" "$WORK/server.log")"

cat <<TXT
==> machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)
==> $("$server" --version 2>/dev/null || echo deepbrief-server), PostgreSQL $(psql -XtAc 'SHOW server_version' bench), server $URL (pid $SERVER_PID)
TXT
"$load" --url "$URL" --server-pid "$SERVER_PID" --clk-tck "$(getconf CLK_TCK)" \
  --checklists checklists --work "$WORK" --ams "$AMS" --big-ams "$BIG_AMS" "$@"
echo "==> load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
