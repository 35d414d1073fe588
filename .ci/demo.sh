#!/usr/bin/env bash
# Builds AiTEMS Desk and opens it on demo data. Installs what it needs; safe to run twice.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup.sh
(cd ui && npm run build)
cargo build --release --locked -p aitems-desk
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display found: starting AiTEMS Desk on a virtual display (Xvfb)."
  exec xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- ./target/release/aitems-desk --demo
fi
exec ./target/release/aitems-desk --demo
