#!/usr/bin/env bash
# Installs everything the run and test commands need on Debian/Ubuntu. Safe to run twice.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

# Build (Tauri/WebKitGTK), display, window manager (openbox) and screenshots, WebDriver,
# browser tests, keychain;
# the Windows/macOS type check (a Rust compiler, the standard library's sources and clippy
# from Debian: .ci/cross-check.sh); package tests (rpm, desktop-file-validate).
PACKAGES=(
  libwebkit2gtk-4.1-dev libgtk-3-dev libayatana-appindicator3-dev librsvg2-dev
  libsoup-3.0-dev libjavascriptcoregtk-4.1-dev build-essential pkg-config libssl-dev
  patchelf libxdo-dev file curl ca-certificates
  xvfb xauth imagemagick xdotool x11-utils openbox webkit2gtk-driver
  chromium chromium-driver fonts-dejavu-core fonts-noto-cjk
  gnome-keyring dbus dbus-x11 libsecret-1-0 libsecret-tools libdbus-1-dev
  rustc-web rust-web-src rust-web-clippy
  rpm desktop-file-utils
)
# pip, for zizmor (the workflow lint), unless a Python with pip is already there.
python3 -m pip --version >/dev/null 2>&1 || PACKAGES+=(python3-pip)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "== installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

node_ok() {
  command -v node >/dev/null && node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'
}
if ! node_ok; then
  echo "Node.js 20.19 or newer is needed (found: $(node --version 2>/dev/null || echo none))." >&2
  echo "Install it from https://nodejs.org or your distribution's NodeSource packages, then run this again." >&2
  exit 1
fi

if ! command -v cargo >/dev/null; then
  echo "Rust is not installed: install it from https://rustup.rs, then run this again." >&2
  exit 1
fi
rustup component add rustfmt clippy >/dev/null 2>&1 || true

if [ -f ui/package.json ]; then
  if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
    echo "== installing UI packages (npm ci)"
    (cd ui && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi

if ! command -v tauri-driver >/dev/null; then
  echo "== installing tauri-driver"
  cargo install tauri-driver --version '^2' --locked --quiet
fi
