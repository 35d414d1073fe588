#!/usr/bin/env bash
# Builds the Linux packages of AiTEMS Desk: a .deb and an .rpm (release build), into
# target/release/bundle/{deb,rpm}/. The AppImage is built only by the release workflow
# (.github/workflows/release.yml): its bundler downloads AppRun from the internet.
#
# The package name is `aitems-desk` because src-tauri/tauri.linux.conf.json sets the
# Linux productName (the bundler kebab-cases it: "AiTEMS Desk" would give "ai-tems-desk").
# Installs what it needs (.ci/setup.sh); only the package registries are contacted.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

MAX_DEB_BYTES=$((8 * 1024 * 1024))

if [ "${AITEMS_SKIP_SETUP:-}" != 1 ]; then bash .ci/setup.sh; fi

echo "== building the UI (embedded into the binary)"
(cd ui && npm run build)

echo "== tauri build --bundles deb,rpm (release)"
rm -rf target/release/bundle/deb target/release/bundle/rpm
# Signed update packages need the updater's private key, which only the release workflow
# holds: packages built here are for testing, without them.
NO_UPDATE_PACKAGES='{"bundle":{"createUpdaterArtifacts":false}}'
(cd src-tauri && "$ROOT/ui/node_modules/.bin/tauri" build --ci --bundles deb,rpm --config "$NO_UPDATE_PACKAGES" -- --locked)

shopt -s nullglob
debs=(target/release/bundle/deb/aitems-desk_*.deb)
rpms=(target/release/bundle/rpm/aitems-desk-*.rpm)
if [ "${#debs[@]}" -ne 1 ] || [ "${#rpms[@]}" -ne 1 ]; then
  echo "expected one aitems-desk .deb and one .rpm, found: ${debs[*]:-no .deb} ${rpms[*]:-no .rpm}" >&2
  ls -R target/release/bundle >&2 || true
  exit 1
fi
deb_bytes=$(stat -c %s "${debs[0]}")
for f in "${debs[0]}" "${rpms[0]}"; do
  awk -v f="$f" -v b="$(stat -c %s "$f")" 'BEGIN { printf "%s  %d bytes (%.2f MiB)\n", f, b, b / 1048576 }'
done
if [ "$deb_bytes" -gt "$MAX_DEB_BYTES" ]; then
  echo "the .deb is larger than 8 MB ($deb_bytes bytes)" >&2
  exit 1
fi
