#!/usr/bin/env bash
# The pure core must never use a browser crate. The native build already
# fails if it does (those crates are wasm32-only dependencies); this check
# says so in words, and also catches a `use` hidden behind a cfg.
set -euo pipefail
cd "$(dirname "$0")/.."
if hits=$(grep -rnE '\b(yew|web_sys|gloo[a-z_]*|wasm_bindgen[a-z_]*|js_sys)::|extern crate (yew|web_sys|gloo|wasm_bindgen|js_sys)' src/core); then
  echo "src/core must stay pure (no yew, web-sys, gloo, js-sys, wasm-bindgen):" >&2
  echo "$hits" >&2
  exit 1
fi
echo "core purity: ok (src/core uses no browser crate)"
