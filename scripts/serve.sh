#!/usr/bin/env bash
# Installs what is missing, builds Weave and serves it on http://127.0.0.1:8080.
# On first open (empty browser storage) the demo event is loaded.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/weave-target}"
echo "Weave: building (release) and serving on http://127.0.0.1:8080 — Ctrl+C to stop."
exec trunk serve --release --address 127.0.0.1 --port 8080
