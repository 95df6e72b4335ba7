#!/usr/bin/env bash
# Installs what Deepbrief needs to build, run and test, and nothing that is already there.
#
#   scripts/setup.sh app    # Debian packages for Tauri/WebKitGTK, the UI's npm packages
#   scripts/setup.sh test   # the above, plus Xvfb, WebKitWebDriver, tauri-driver, rustfmt, clippy
#
# Also meant to be sourced (run.sh and test.sh do): it then only defines the `setup_*` functions and
# helpers below. Idempotent and quiet when everything is present. Needs root or sudo only when a
# Debian package is missing.

# Repository root, whatever the caller's working directory.
DEEPBRIEF_ROOT="${DEEPBRIEF_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"

# Debian packages that Tauri v2 (WebKitGTK 4.1) needs to build and run the desktop app.
SETUP_APP_DEBS=(
  build-essential pkg-config
  libwebkit2gtk-4.1-dev libgtk-3-dev libayatana-appindicator3-dev librsvg2-dev libsoup-3.0-dev
  libxdo-dev libssl-dev
)
# Extra Debian packages for tests that drive the real window: a virtual X server and WebKit's
# WebDriver (/usr/bin/WebKitWebDriver), which tauri-driver talks to; poppler-utils (pdftotext,
# pdftoppm) to check the kickoff PDF's text and pages; Chromium and chromedriver for the client
# page's tests in a real browser (tests/client).
SETUP_TEST_DEBS=(xvfb webkit2gtk-driver poppler-utils chromium chromium-driver)
# The team server's tests need a real PostgreSQL: Debian's server and `pg_virtualenv`
# (postgresql-common), which starts a throw-away cluster for one command and removes it after.
SETUP_PG_DEBS=(postgresql postgresql-common)

# Make `cargo install`ed tools (tauri-driver) findable even when ~/.cargo/bin is not on PATH.
case ":$PATH:" in
  *":${CARGO_HOME:-$HOME/.cargo}/bin:"*) ;;
  *) PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH" ;;
esac
export PATH

setup_note() { printf '==> %s\n' "$*" >&2; }
setup_die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

# Runs a command as root: directly when we are root, else through sudo when there is one.
setup_as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    setup_die "need root to run: $* (run as root or install sudo)"
  fi
}

# Prints the given Debian packages that are not installed, one per line.
setup_missing_debs() {
  local pkg status
  for pkg in "$@"; do
    status="$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)"
    [ "$status" = installed ] || printf '%s\n' "$pkg"
  done
}

# Installs the given Debian packages that are missing; `apt-get update` once, only when needed.
setup_debs() {
  command -v dpkg-query >/dev/null 2>&1 || setup_die "dpkg-query not found: this script expects Debian"
  local missing
  mapfile -t missing < <(setup_missing_debs "$@")
  [ "${#missing[@]}" -eq 0 ] && return 0
  setup_note "installing Debian packages: ${missing[*]}"
  if [ -z "${SETUP_APT_UPDATED:-}" ]; then
    setup_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    SETUP_APT_UPDATED=1
  fi
  setup_as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# `npm ci` in ui/ when node_modules is missing or older than package-lock.json. npm rewrites
# node_modules/.package-lock.json on every install, so its age is the age of the install.
setup_ui_deps() {
  local ui="$DEEPBRIEF_ROOT/ui"
  local marker="$ui/node_modules/.package-lock.json"
  if [ ! -f "$marker" ] || [ "$ui/package-lock.json" -nt "$marker" ] \
    || [ "$ui/package.json" -nt "$marker" ]; then
    setup_note "installing the UI's npm packages (npm ci)"
    npm --prefix "$ui" ci --no-audit --no-fund --loglevel=error
  fi
}

# rustfmt and clippy, through rustup when the toolchain lacks them.
setup_rust_components() {
  local missing=()
  cargo fmt --version >/dev/null 2>&1 || missing+=(rustfmt)
  cargo clippy --version >/dev/null 2>&1 || missing+=(clippy)
  [ "${#missing[@]}" -eq 0 ] && return 0
  command -v rustup >/dev/null 2>&1 || setup_die "cargo lacks ${missing[*]} and rustup is not installed"
  setup_note "adding Rust components: ${missing[*]}"
  rustup component add "${missing[@]}"
}

# tauri-driver: the WebDriver server that starts the app and proxies to WebKitWebDriver.
setup_tauri_driver() {
  command -v tauri-driver >/dev/null 2>&1 && return 0
  setup_note "installing tauri-driver (cargo install tauri-driver --locked)"
  local start=$SECONDS
  cargo install tauri-driver --locked --quiet
  setup_note "tauri-driver installed in $((SECONDS - start)) s"
}

# Everything needed to build and run the app.
setup_app() {
  command -v cargo >/dev/null 2>&1 || setup_die "cargo not found: install Rust (https://rustup.rs)"
  command -v npm >/dev/null 2>&1 || setup_die "npm not found: install Node.js 20 or newer"
  setup_debs "${SETUP_APP_DEBS[@]}"
  setup_ui_deps
}

# PostgreSQL and pg_virtualenv (for the team server's tests and `scripts/team-server-try.sh`).
setup_postgres() {
  setup_debs "${SETUP_PG_DEBS[@]}"
  command -v pg_virtualenv >/dev/null 2>&1 || setup_die "pg_virtualenv not found after installing postgresql-common"
}

# Everything needed to run every test.
setup_test() {
  command -v cargo >/dev/null 2>&1 || setup_die "cargo not found: install Rust (https://rustup.rs)"
  command -v npm >/dev/null 2>&1 || setup_die "npm not found: install Node.js 20 or newer"
  setup_debs "${SETUP_APP_DEBS[@]}" "${SETUP_TEST_DEBS[@]}"
  setup_rust_components
  setup_tauri_driver
  setup_ui_deps
}

# Starts Xvfb on a free display when there is no display at all, and exports DISPLAY. The caller
# stops it with `setup_stop_xvfb` (put it in an EXIT trap).
SETUP_XVFB_PID=""
setup_display() {
  if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
    return 0
  fi
  command -v Xvfb >/dev/null 2>&1 || setup_debs xvfb
  local fdfile
  fdfile="$(mktemp)"
  # -displayfd: Xvfb picks a free display number itself and writes it to the file when ready. The
  # screen holds the default 1400×900 window whole: without a window manager nothing clamps it.
  Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3>"$fdfile" >/dev/null 2>&1 &
  SETUP_XVFB_PID=$!
  local i
  for i in $(seq 1 100); do
    [ -s "$fdfile" ] && break
    kill -0 "$SETUP_XVFB_PID" 2>/dev/null || break
    sleep 0.1
  done
  local n
  n="$(tr -dc '0-9' <"$fdfile")"
  rm -f "$fdfile"
  if [ -z "$n" ]; then
    setup_stop_xvfb
    setup_die "Xvfb did not start"
  fi
  export DISPLAY=":$n"
  setup_note "no display found: started Xvfb on $DISPLAY (pid $SETUP_XVFB_PID)"
}

setup_stop_xvfb() {
  if [ -n "$SETUP_XVFB_PID" ]; then
    kill "$SETUP_XVFB_PID" 2>/dev/null || true
    wait "$SETUP_XVFB_PID" 2>/dev/null || true
    SETUP_XVFB_PID=""
  fi
}

# Run directly: `scripts/setup.sh [app|test]`.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  case "${1:-test}" in
    app) setup_app ;;
    test) setup_test ;;
    *) setup_die "usage: $0 [app|test]" ;;
  esac
fi
