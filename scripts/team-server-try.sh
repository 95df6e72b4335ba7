#!/usr/bin/env bash
# Tries the team server on this machine, with nothing kept: a throw-away PostgreSQL cluster
# (Debian's pg_virtualenv, installed when missing), the server on http://127.0.0.1:8470, a team
# "Агентство" with a lead and an AM, and the commands to sign the app or the CLI in. Ctrl+C stops
# the server and removes the cluster. See docs/team-server.md for a real installation.
#
#   scripts/team-server-try.sh [--listen 127.0.0.1:8470]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/setup.sh
source scripts/setup.sh

LISTEN=127.0.0.1:8470
if [ "${1:-}" = "--listen" ] && [ -n "${2:-}" ]; then LISTEN=$2; fi

if [ -z "${DEEPBRIEF_IN_PG_VIRTUALENV:-}" ]; then
  setup_postgres
  command -v cargo >/dev/null 2>&1 || setup_die "cargo not found: install Rust (https://rustup.rs)"
  setup_note "building deepbrief-server and the deepbrief CLI (release)"
  cargo build --release --locked -q -p deepbrief-server -p deepbrief-cli
  setup_note "starting a throw-away PostgreSQL cluster (pg_virtualenv)"
  exec pg_virtualenv env DEEPBRIEF_IN_PG_VIRTUALENV=1 "$0" --listen "$LISTEN"
fi

server=target/release/deepbrief-server
export DATABASE_URL="postgres://${PGUSER}:${PGPASSWORD}@${PGHOST}:${PGPORT}/${PGDATABASE:-postgres}"
case "$PGHOST" in /*) export DATABASE_URL="host=$PGHOST port=$PGPORT user=$PGUSER password=$PGPASSWORD dbname=${PGDATABASE:-postgres}" ;; esac

"$server" migrate
"$server" team add "Агентство"
LEAD_PASSWORD="lead-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
AM_PASSWORD="am-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
echo "$LEAD_PASSWORD" | "$server" user add --team "Агентство" --name lead --role lead
echo "$AM_PASSWORD" | "$server" user add --team "Агентство" --name anna --role am

"$server" serve --listen "$LISTEN" &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 50); do
  curl -fsS "http://$LISTEN/health" >/dev/null 2>&1 && break
  sleep 0.2
done

cat <<TXT

Deepbrief team server: http://$LISTEN   (throw-away: everything goes when you press Ctrl+C)

  team "Агентство"
    lead  user: lead   password: $LEAD_PASSWORD
    AM    user: anna   password: $AM_PASSWORD

In the app: Settings → Team server → http://$LISTEN, user and password.
With the CLI:
  echo '$AM_PASSWORD' | target/release/deepbrief --db /tmp/anna.db team login http://$LISTEN --user anna
  target/release/deepbrief --db /tmp/anna.db sync

TXT
wait "$SERVER_PID"
