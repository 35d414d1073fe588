# Sourced by the scripts that drive an app over WebDriver (tests/e2e, tests/package,
# tests/bench): installs the harness's WebDriver client and sets what harness.mjs reads.
# Usage: e2e_env APP CLI SCREENS  (absolute paths; ROOT is the repository root)
e2e_env() {
  (cd "$ROOT/tests/e2e" && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; })
  export E2E_APP="$1" E2E_CLI="$2" E2E_SCREENS="$3"
  export TAURI_DRIVER="${TAURI_DRIVER:-$(command -v tauri-driver || echo "$HOME/.cargo/bin/tauri-driver")}"
}
