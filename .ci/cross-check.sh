#!/usr/bin/env bash
# Type-checks every crate of the workspace (--all-targets: libraries, binaries, tests,
# benches) for Windows (x86_64-pc-windows-msvc) and macOS (aarch64-apple-darwin) on this
# Linux machine, with clippy's lints, and fails on any error or warning in the project's
# own code. Nothing is linked or run: this catches type errors, wrong `cfg`s, unused or
# missing imports under another OS; link errors and run-time behaviour need the real
# systems (.github/workflows/ci.yml).
#
# How: rustup cannot fetch other targets' standard library here, but Debian packages can
# build it from source. `rustc-web` (a newer rustc), `rust-web-src` (the standard library's
# sources, where cargo's build-std looks) and `rust-web-clippy` (its clippy-driver); cargo
# then compiles `std` for the target itself (-Zbuild-std, allowed on a stable cargo by
# RUSTC_BOOTSTRAP=1). C build scripts get .ci/cross-stub-cc.sh as their compiler.
# Usage: bash .ci/cross-check.sh [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

TARGETS=("$@")
[ "${#TARGETS[@]}" -gt 0 ] || TARGETS=(x86_64-pc-windows-msvc aarch64-apple-darwin)

RUSTC_DEB=/usr/bin/rustc
CLIPPY_DEB=/usr/bin/clippy-driver
STD_SRC=/usr/lib/rustlib/src/rust/library
if [ ! -x "$RUSTC_DEB" ] || [ ! -x "$CLIPPY_DEB" ] || [ ! -d "$STD_SRC" ]; then
  echo "== installing rustc-web, rust-web-src, rust-web-clippy (Debian) for the cross-check"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    rustc-web rust-web-src rust-web-clippy >/dev/null
fi
echo "cross-check compiler: $("$RUSTC_DEB" --version)"

# The app crate embeds ui/dist when it compiles (tauri::generate_context!).
if [ ! -f ui/dist/index.html ]; then
  echo "== ui/dist is missing: building the UI first"
  (cd ui && npm run build)
fi

STUB="$ROOT/.ci/cross-stub-cc.sh"
# Its own target directory: artefacts of rustup's compiler cannot be reused by this one.
export CARGO_TARGET_DIR="${CROSS_TARGET_DIR:-$ROOT/target/cross}"
export RUSTC="$RUSTC_DEB" RUSTC_BOOTSTRAP=1
# clippy-driver as the wrapper of the workspace's own crates only (what `cargo clippy`
# does): dependencies and std are compiled by plain rustc, with their lints capped.
export RUSTC_WORKSPACE_WRAPPER="$CLIPPY_DEB"
export CARGO_TERM_COLOR=never

LOG_DIR="$CARGO_TARGET_DIR/logs"
mkdir -p "$LOG_DIR"
failed=()
for target in "${TARGETS[@]}"; do
  t=${target//-/_}
  log="$LOG_DIR/$target.log"
  echo "== cargo check + clippy, workspace, --all-targets, for $target"
  start=$SECONDS
  status=0
  env "CC_$t=$STUB" "CXX_$t=$STUB" "AR_$t=$STUB" \
    cargo check -Zbuild-std=std,panic_abort --target "$target" --workspace --all-targets --locked \
    >"$log" 2>&1 || status=$?
  # Warnings of dependencies and std are capped by cargo, so every compiler warning left
  # is the project's own; cargo sums them per crate in "`crate` (...) generated N warnings".
  grep -E '^(warning|error)' "$log" | grep -vE '^warning: .* generated [0-9]+ warnings?' | sort | uniq -c || true
  warnings=$(grep -cE '^warning: `[^`]+` \(.*\) generated [0-9]+ warnings?|^warning: `[^`]+` generated' "$log" || true)
  errors=$(grep -cE '^error' "$log" || true)
  echo "   $target: exit $status, $errors error line(s), $warnings crate(s) with warnings, $((SECONDS - start)) s (log: ${log#"$ROOT"/})"
  if [ "$status" -ne 0 ] || [ "$errors" -ne 0 ] || [ "$warnings" -ne 0 ]; then
    grep -E -A12 '^(warning|error)' "$log" | head -120 >&2
    failed+=("$target")
  fi
done

if [ "${#failed[@]}" -gt 0 ]; then
  echo "cross-check FAILED for: ${failed[*]} (full output in $LOG_DIR)" >&2
  exit 1
fi
echo "cross-check passed: ${TARGETS[*]}"
