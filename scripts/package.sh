#!/usr/bin/env bash
# Builds Deepbrief's Linux packages (.deb and .rpm) with Tauri's bundler, installing what is missing
# first. The version is the workspace's (Cargo.toml); the bundled checklists go inside as resources
# (templates and fonts are compiled into the binary).
#
#   scripts/package.sh            # release build: target/release/bundle/{deb,rpm}/
#   scripts/package.sh --debug    # debug build (the install test uses it: no second, optimised build)
#
# Prints the paths of the packages it made, one per line, last.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/setup.sh
source scripts/setup.sh
setup_app

profile=release
args=()
for arg in "$@"; do
  case "$arg" in
    --debug)
      profile=debug
      args+=(--debug)
      ;;
    *) setup_die "usage: $0 [--debug]" ;;
  esac
done

# Tauri's CLI from the npm registry: the same bundler as `cargo install tauri-cli`, prebuilt, so a
# fresh machine does not compile 600 crates to package one app (docs/decisions.md).
marker=packaging/node_modules/.package-lock.json
if [ ! -f "$marker" ] || [ packaging/package-lock.json -nt "$marker" ]; then
  setup_note "installing Tauri's CLI (npm ci in packaging/)"
  npm --prefix packaging ci --no-audit --no-fund --loglevel=error
fi

setup_note "building the UI"
npm --prefix ui run build --silent

setup_note "building the $profile app and its .deb and .rpm"
(cd src-tauri && ../packaging/node_modules/.bin/tauri build "${args[@]}" --bundles deb,rpm --ci)

out="target/$profile/bundle"
found=0
for f in "$out"/deb/*.deb "$out"/rpm/*.rpm; do
  [ -f "$f" ] || continue
  found=$((found + 1))
  printf '%s\n' "$PWD/$f"
done
[ "$found" -ge 2 ] || setup_die "expected a .deb and an .rpm in $out"
