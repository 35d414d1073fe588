#!/usr/bin/env bash
# Measures AiTEMS Desk's start-up time and memory next to a bare Tauri window built by
# this script with the same Tauri (release builds of both), under Xvfb and a private
# D-Bus session. Prints the figures recorded in BENCHMARKS.md. Needs .ci/setup.sh first.
# Usage: tests/bench/desktop.sh [SCRIPT]  (default desktop.mjs: start-up and memory;
# refreshes.mjs: memory after 120 refreshes of 10,000 trainings). BENCH_RUNS=N launches of
# each; BENCH_LAYOUT=0 skips the start with a saved layout, BENCH_MEMORY=0 the memory.
# BENCH_BEFORE_APP=PATH[,PATH...] (earlier release builds of aitems-desk, copied aside) are
# launched in turn with this one and the bare window: before and after come from one run.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

(cd ui && npm run build)
cargo build --release --locked -p aitems-desk -p aitems-cli
cp Cargo.lock tests/bench/bare-window/Cargo.lock
CARGO_TARGET_DIR="$ROOT/target" cargo build --release --manifest-path tests/bench/bare-window/Cargo.toml
# shellcheck source=tests/e2e/env.sh
. tests/e2e/env.sh
e2e_env "$ROOT/target/release/aitems-desk" "$ROOT/target/release/aitems" "$ROOT/target/bench-screens"
# The app turns WebKitGTK's DMA-BUF renderer off unless the variable is set (lib.rs); set it
# here so that the bare window runs under exactly the same environment.
export WEBKIT_DISABLE_DMABUF_RENDERER=1
export BENCH_BARE_APP="$ROOT/target/release/bare-window"
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
HOME="$SCRATCH" xvfb-run -a -s "-screen 0 1280x800x24" \
  dbus-run-session -- sh -c 'echo -n bench | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec node "tests/bench/$0"' "${1:-desktop.mjs}"
