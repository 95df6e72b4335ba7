#!/usr/bin/env bash
# The packages install and start: builds the .deb and .rpm (debug build: the test does not pay for a
# second, optimised one), installs the .deb with apt on this machine, checks what it put there (the
# app, its desktop entry with the brief file type, the MIME type, the bundled checklists), runs the
# smoke and open-file end-to-end tests against the *installed* app, removes the package, and checks
# that the user's data stayed. Needs root (or sudo) for apt.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
# shellcheck source=scripts/setup.sh
source scripts/setup.sh

fail() {
  printf 'install test: %s\n' "$*" >&2
  exit 1
}

mapfile -t made < <(scripts/package.sh --debug)
deb="" rpm=""
for f in "${made[@]}"; do
  case "$f" in
    *.deb) deb=$f ;;
    *.rpm) rpm=$f ;;
  esac
done
[ -f "$deb" ] || fail "no .deb was made"
[ -f "$rpm" ] || fail "no .rpm was made"
version="$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "the .deb's version is not the workspace's $version"
# An RPM file starts with the lead magic ed ab ee db.
[ "$(head -c 4 "$rpm" | od -An -tx1 | tr -d ' \n')" = "edabeedb" ] || fail "$rpm is not an RPM file"
case "$rpm" in *"$version"*) ;; *) fail "the .rpm's name does not carry the version $version: $rpm" ;; esac

name="$(dpkg-deb -f "$deb" Package)"
if dpkg-query -W -f='${db:Status-Status}' "$name" 2>/dev/null | grep -q installed; then
  setup_note "removing $name left by an earlier run"
  setup_as_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq "$name" >/dev/null
fi

# The user's data, made before the install: it must outlive the package.
data="$(mktemp -d)"
cleanup() { rm -rf "$data"; }
trap cleanup EXIT
XDG_DATA_HOME="$data" target/debug/deepbrief brief new --client "Данные пользователя" --project Сайт \
  --am Анна --service seo >/dev/null

setup_note "installing $deb"
setup_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >/dev/null

files="$(dpkg -L "$name")"
app="$(printf '%s\n' "$files" | grep -E '^/usr/bin/[^/]+$' | head -1)"
[ -x "$app" ] || fail "the package installs no program in /usr/bin"
desktop="$(printf '%s\n' "$files" | grep -E '^/usr/share/applications/.*\.desktop$' | head -1)"
[ -f "$desktop" ] || fail "the package installs no desktop entry"
grep -q '^MimeType=.*application/x-deepbrief' "$desktop" || fail "$desktop does not open .deepbrief files: $(cat "$desktop")"
grep -qE '^Exec=.*%[fFuU]' "$desktop" || fail "$desktop does not pass the opened file to the app: $(cat "$desktop")"
grep -q 'glob pattern="\*.deepbrief"' /usr/share/mime/packages/deepbrief.xml || fail "the MIME type of brief files is not installed"
printf '%s\n' "$files" | grep -qE '/checklists/core/v1\.yaml$' || fail "the bundled checklists are not in the package"
printf '%s\n' "$files" | grep -qE '/usr/share/icons/.*\.png$' || fail "the package installs no icon"
setup_note "installed: $app, $desktop"

setup_note "end-to-end tests against the installed app"
E2E_APP="$app" E2E_CLI="$PWD/target/debug/deepbrief" tests/e2e/run.sh \
  node --test --test-concurrency=1 tests/e2e/smoke.test.mjs tests/e2e/open-file.test.mjs

setup_note "removing $name"
setup_as_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq "$name" >/dev/null
[ ! -e "$app" ] || fail "$app is still there after removing the package"
[ -f "$data/deepbrief/deepbrief.db" ] || fail "removing the package removed the user's database"
XDG_DATA_HOME="$data" target/debug/deepbrief brief list | grep -q "Данные пользователя" ||
  fail "the user's brief is gone after removing the package"
echo "the .deb installs, starts, opens brief files and uninstalls leaving the user's data; the .rpm builds"
