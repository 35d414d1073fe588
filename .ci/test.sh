#!/usr/bin/env bash
# Runs every test layer: formatting and lints, Rust unit and integration tests (demo
# service over loopback, the real Secret Service, Tauri commands), UI checks and Vitest,
# Playwright in Chromium, the real app window over WebDriver, the Windows and macOS type
# check, the Linux packages (built, installed, launched, removed) and the workflow lint.
# Installs what it needs. Prints how long each step took at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export CARGO_TERM_COLOR=never

TIMES=()
STEP_NAME=""
STEP_START=$SECONDS
TEST_START=$SECONDS
step_done() {
  if [ -n "$STEP_NAME" ]; then TIMES+=("$(printf '%5d s  %s' $((SECONDS - STEP_START)) "$STEP_NAME")"); fi
}
step() {
  step_done
  STEP_NAME="$*"
  STEP_START=$SECONDS
  printf '\n== %s\n' "$*"
}

step "setup"
bash .ci/setup.sh

step "UI: install, type check, unit tests, build"
(cd ui && npm run check && npm test && npm run build)

step "Rust: format and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets --locked -- -D warnings

step "Rust: tests (with a real, unlocked GNOME Keyring on a private D-Bus session)"
# A scratch HOME gets a fresh login keyring; cargo and rustup keep their real homes.
export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}" RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}"
KEYRING_HOME=$(mktemp -d)
trap 'rm -rf "$KEYRING_HOME"' EXIT
HOME="$KEYRING_HOME" AITEMS_REQUIRE_KEYCHAIN=1 \
  dbus-run-session -- sh -c 'echo -n ci-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null && cargo test --workspace --locked'

step "UI in Chromium (Playwright, mocked IPC)"
(cd ui && npm run e2e)

step "Whole app over WebDriver (tauri-driver + WebKitWebDriver under Xvfb)"
bash tests/e2e/run.sh

step "Windows and macOS: cargo check + clippy of every crate (.ci/cross-check.sh)"
bash .ci/cross-check.sh

step "Linux packages: build the .deb and .rpm (.ci/bundle.sh)"
AITEMS_SKIP_SETUP=1 bash .ci/bundle.sh

step "Linux packages: install, launch, remove the .deb; check the .rpm (tests/package)"
bash tests/package/run.sh

step "Workflows: actionlint and zizmor (tests/workflows)"
bash tests/workflows/run.sh

step_done
echo
echo "Step durations:"
printf '  %s\n' "${TIMES[@]}"
printf '  %5d s  total\n' $((SECONDS - TEST_START))
echo
echo "All test layers passed."
