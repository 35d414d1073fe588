#!/usr/bin/env bash
# Drives the real AiTEMS Desk binary over WebDriver: tauri-driver + WebKitWebDriver, on a
# virtual display, inside a private D-Bus session with an unlocked GNOME Keyring.
# Screenshots of each step go to target/e2e-screens/.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

# Always rebuild the UI: the binary embeds ui/dist when it is compiled.
(cd ui && npm run build)
cargo build --locked -p aitems-desk -p aitems-cli
# shellcheck source=tests/e2e/env.sh
. tests/e2e/env.sh
e2e_env "$ROOT/target/debug/aitems-desk" "$ROOT/target/debug/aitems" "$ROOT/target/e2e-screens"
# The recording notification server (notifications.py) and the window manager's part
# (window.py: close, minimise, restore) are Python, with their packages from PyPI, pinned in requirements.txt
# and installed into a folder of their own under target/.
PY_DIR="$ROOT/target/tools/e2e-python-$(sha256sum tests/e2e/requirements.txt | cut -c1-12)"
if [ ! -f "$PY_DIR/.installed" ]; then
  python3 -m pip install --quiet --disable-pip-version-check --no-warn-script-location --root-user-action=ignore \
    --target "$PY_DIR" -r tests/e2e/requirements.txt
  touch "$PY_DIR/.installed"
fi
export PYTHONPATH="$PY_DIR"
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT

cd tests/e2e
HOME="$SCRATCH" xvfb-run -a -s "-screen 0 1280x800x24" \
  dbus-run-session -- sh -c 'echo -n e2e | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec node --test --test-concurrency=1 app.test.mjs live.test.mjs desktop.test.mjs compare.test.mjs layout.test.mjs allServices.test.mjs timeline.test.mjs'
