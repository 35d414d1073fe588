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
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT

cd tests/e2e
HOME="$SCRATCH" xvfb-run -a -s "-screen 0 1280x800x24" \
  dbus-run-session -- sh -c 'echo -n e2e | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec node --test --test-concurrency=1 app.test.mjs desktop.test.mjs'
