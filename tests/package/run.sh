#!/usr/bin/env bash
# Tests the Linux packages that .ci/bundle.sh built:
#   .deb: its control fields and file list; installs it with apt-get; launches the installed
#         /usr/bin/aitems-desk --demo under Xvfb and checks over WebDriver that the table
#         fills; purges it and checks that nothing of it is left.
#   .rpm: its name, version, file list and requirements (rpm -qp..., Debian's rpm package).
# Needs root (or sudo) for apt-get. Screenshots go to target/package-screens/.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

PKG=aitems-desk
BIN=/usr/bin/aitems-desk
VERSION=$(node -p 'require("./src-tauri/tauri.conf.json").version')
DEB="$ROOT/target/release/bundle/deb/${PKG}_${VERSION}_amd64.deb"
RPM="$ROOT/target/release/bundle/rpm/${PKG}-${VERSION}-1.x86_64.rpm"
for f in "$DEB" "$RPM"; do
  [ -f "$f" ] || { echo "missing $f: run 'bash .ci/bundle.sh' first" >&2; exit 1; }
done

failures=0
check() { # check DESCRIPTION COMMAND...: runs the command, reports pass or FAIL
  local what=$1; shift
  if "$@"; then echo "  ok: $what"; else echo "  FAIL: $what" >&2; failures=$((failures + 1)); fi
}
has_line() { grep -qxF -- "$1" <<<"$2"; }        # has_line LINE TEXT
has_match() { grep -qE -- "$1" <<<"$2"; }         # has_match REGEX TEXT
installed() { dpkg-query -W -f='${Status}' "$PKG" 2>/dev/null | grep -q 'install ok installed'; }
known_to_dpkg() { dpkg-query -W "$PKG" >/dev/null 2>&1; }

echo "== .deb: control fields and contents ($(basename "$DEB"))"
control=$(dpkg-deb -f "$DEB")
contents=$(dpkg-deb -c "$DEB" | awk '{ print $NF }' | sed -E 's#^(\./|/)?#/#')
check "Package: $PKG" has_line "Package: $PKG" "$control"
check "Version: $VERSION" has_line "Version: $VERSION" "$control"
check "Architecture: amd64" has_line "Architecture: amd64" "$control"
check "Maintainer set" has_match '^Maintainer: .+' "$control"
check "Homepage is https" has_match '^Homepage: https://' "$control"
check "Depends on the WebKitGTK 4.1 runtime" has_match '^Depends: (.*, )?libwebkit2gtk-4\.1-0(,|$)' "$control"
check "Depends on GTK 3" has_match '^Depends: (.*, )?libgtk-3-0(,|$)' "$control"
check "Recommends gnome-keyring" has_match '^Recommends: (.*, )?gnome-keyring(,|$)' "$control"
check "Description names the app" has_match '^Description: .*AiTEMS' "$control"
check "binary at $BIN" has_line "$BIN" "$contents"
check "desktop entry" has_line "/usr/share/applications/$PKG.desktop" "$contents"
check "icon 128x128" has_line "/usr/share/icons/hicolor/128x128/apps/$PKG.png" "$contents"
check "icon 32x32" has_line "/usr/share/icons/hicolor/32x32/apps/$PKG.png" "$contents"

DESKTOP_DIR=$(mktemp -d)
trap 'rm -rf "$DESKTOP_DIR"' EXIT
dpkg-deb -x "$DEB" "$DESKTOP_DIR"
desktop="$DESKTOP_DIR/usr/share/applications/$PKG.desktop"
entry=$(cat "$desktop")
check "desktop entry passes desktop-file-validate" desktop-file-validate "$desktop"
check "desktop entry: Name=AiTEMS Desk" has_line "Name=AiTEMS Desk" "$entry"
check "desktop entry: Exec=$PKG" has_line "Exec=$PKG" "$entry"
check "desktop entry: Icon=$PKG" has_line "Icon=$PKG" "$entry"
check "desktop entry: Categories" has_match '^Categories=.+;$' "$entry"

echo "== .rpm: name, version, files and requirements ($(basename "$RPM"))"
info=$(rpm -qp --qf '%{NAME} %{VERSION} %{LICENSE} %{URL}\n' "$RPM" 2>/dev/null)
files=$(rpm -qpl "$RPM" 2>/dev/null)
requires=$(rpm -qpR "$RPM" 2>/dev/null)
recommends=$(rpm -qp --recommends "$RPM" 2>/dev/null)
check "name, version, licence, URL" has_match "^$PKG $VERSION MIT https://" "$info"
check "binary at $BIN" has_line "$BIN" "$files"
check "desktop entry" has_line "/usr/share/applications/$PKG.desktop" "$files"
check "icon 128x128" has_line "/usr/share/icons/hicolor/128x128/apps/$PKG.png" "$files"
check "requires the WebKitGTK 4.1 library" has_line "libwebkit2gtk-4.1.so.0()(64bit)" "$requires"
check "requires the GTK 3 library" has_line "libgtk-3.so.0()(64bit)" "$requires"
check "recommends gnome-keyring" has_line "gnome-keyring" "$recommends"

if [ "$failures" -ne 0 ]; then
  echo "$failures package check(s) failed" >&2
  exit 1
fi

echo "== .deb: install with apt-get"
if known_to_dpkg; then
  echo "  $PKG is already known to dpkg (an earlier run stopped half-way?): purging it first"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq "$PKG" >/dev/null
fi
if [ -e "$BIN" ]; then
  echo "$BIN exists but no package owns it: remove it by hand, then run this again" >&2
  exit 1
fi
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$DEB" >/dev/null
check "dpkg says $PKG is installed" installed
check "$BIN is installed and executable" test -x "$BIN"
check "the package owns $BIN" has_line "$BIN" "$(dpkg -L "$PKG")"
check "aitems-desk on PATH is $BIN" test "$(command -v aitems-desk)" = "$BIN"
listed=$(dpkg -L "$PKG")

echo "== the installed app under Xvfb, over WebDriver"
# shellcheck source=tests/e2e/env.sh
. tests/e2e/env.sh
# The harness also names the CLI (used by the other end-to-end tests, not by this one).
e2e_env "$BIN" "$ROOT/target/debug/aitems" "$ROOT/target/package-screens"
SCRATCH=$(mktemp -d)
trap 'rm -rf "$DESKTOP_DIR" "$SCRATCH"' EXIT
app_status=0
HOME="$SCRATCH" xvfb-run -a -s "-screen 0 1280x800x24" \
  dbus-run-session -- node --test --test-concurrency=1 tests/package/installed-app.test.mjs || app_status=$?

echo "== .deb: purge, and check that nothing of it is left"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq "$PKG" >/dev/null
check "dpkg no longer knows $PKG" eval '! known_to_dpkg'
check "dpkg -L $PKG lists nothing" eval '[ -z "$(dpkg -L "$PKG" 2>/dev/null)" ]'
check "$BIN is gone" test ! -e "$BIN"
check "aitems-desk is no longer on PATH" eval '! command -v aitems-desk >/dev/null'
left=()
while IFS= read -r path; do
  # Directories such as /usr/share/icons/hicolor belong to other packages too; files must go.
  if [ -e "$path" ] && [ ! -d "$path" ]; then left+=("$path"); fi
done <<<"$listed"
check "none of the package's $(wc -l <<<"$listed") listed paths is left as a file" test "${#left[@]}" -eq 0
[ "${#left[@]}" -eq 0 ] || printf '  left: %s\n' "${left[@]}" >&2

if [ "$app_status" -ne 0 ]; then
  echo "the installed app failed its WebDriver test (exit $app_status)" >&2
  exit 1
fi
if [ "$failures" -ne 0 ]; then
  echo "$failures package check(s) failed" >&2
  exit 1
fi
echo "Package tests passed."
